#!/usr/bin/env bash
# make-store.sh NEWSDESK DB — the small store a release makes from the
# corpus pages in demo/: the staff, the pages imported as items, one story
# filed, a revision, notes, a return, an issue planned and published. Run
# with the newsdesk of the commit that made each fixture (README.md here);
# only commands every release since the first has kept are used.
set -euo pipefail
nd=$1 db=$2
src=$(cd "$(dirname "$0")/../../.." && pwd)
export NEWSDESK_DB=$db TZ=UTC LC_ALL=C.UTF-8
rm -f "$db" "$db-wal" "$db-shm"
"$nd" init >/dev/null
"$nd" user add zhujl --role reporter --name 朱建良 >/dev/null
"$nd" user add wangj --role editor --name 王娟 >/dev/null
"$nd" user add chenhj --role chief --name 陈惠娟 >/dev/null
"$nd" --as wangj import "$src"/demo/0*.txt >/dev/null
n=$("$nd" list --format tsv | wc -l)
"$nd" --as zhujl file "$src/tests/data/articles/a02.txt" >/dev/null
last=$((n + 1))
printf '标题: 修订后的标题\n\n本刊讯 修订后的正文，第二次保存。\n' >"$db.edit"
"$nd" --as wangj edit "$last" --from "$db.edit" >/dev/null
rm -f "$db.edit"
"$nd" --as wangj note "$last" "第二段引号不成对，请核对。" >/dev/null
"$nd" --as wangj return 2 --note "电头缺日期，请补充。" >/dev/null
"$nd" --as wangj issue add 2024-07 --title "《盐城工会》2024年第7期" --date 2024-07-15 --pages 8 >/dev/null
for id in 1 3; do
	"$nd" --as wangj finish "$id" >/dev/null
	"$nd" --as chenhj approve "$id" >/dev/null
	"$nd" --as wangj assign "$id" --issue 2024-07 --page 1 >/dev/null
done
"$nd" --as chenhj publish --issue 2024-07 >/dev/null
"$nd" check >/dev/null
# one file, no -wal beside it
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('pragma wal_checkpoint(truncate)'); c.execute('pragma journal_mode=delete'); c.execute('vacuum'); c.close()" "$db"
