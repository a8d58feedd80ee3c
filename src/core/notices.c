/* notices.c — notices to a user, stored as codes with arguments and
 * rendered when read: one table of codes and their messages. */
#include "newsdesk/notices.h"
#include "newsdesk/drafts.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const struct {
	const char *code;
	const char *with_draft, *without; /* %1$s who, %2$lld the item, %3$s when */
} codes[] = {
	{ "lock-released",
	  N_("%1$s released your edit lock on #%2$lld at %3$s; your unsaved draft is kept and "
	     "offered when you open the item again"),
	  N_("%1$s released your edit lock on #%2$lld at %3$s") },
	{ "lock-taken",
	  N_("%1$s took #%2$lld at %3$s after your desk ended; your unsaved draft is kept and "
	     "offered when you open the item again"),
	  N_("%1$s took #%2$lld at %3$s after your desk ended") },
};

int nd_notice_add(struct nd_store *st, const char *login, const char *code, int64_t id,
		  const char *actor, struct nd_error *err)
{
	/* a draft in the store, or an $EDITOR draft file beside it */
	int64_t stored = 0;
	char path[4096];
	int rc = nd_sql_int(st, &stored, err, "reading drafts",
			    "SELECT count(*) FROM drafts WHERE item_id = ? AND author = ?", "is",
			    id, login);
	if (rc < 0)
		return rc;
	bool file = nd_draft_file_path(st, login, id, false, path, sizeof path, NULL) == 0 &&
		    access(path, F_OK) == 0;
	rc = nd_sql_exec(st, err, "keeping a notice",
			 "INSERT INTO notices(login, code, item_id, actor, draft, created_at) "
			 "VALUES (?, ?, ?, ?, ?, ?)",
			 "ssisdi", login, code, id, actor, stored > 0 || file, nd_now());
	return rc < 0 ? rc : 0;
}

static int fill(sqlite3_stmt *stmt, void *elem)
{
	struct nd_notice *n = elem;
	snprintf(n->code, sizeof n->code, "%s", sqlite3_column_text(stmt, 0));
	n->item_id = sqlite3_column_int64(stmt, 1);
	snprintf(n->actor, sizeof n->actor, "%s", sqlite3_column_text(stmt, 2));
	n->draft = sqlite3_column_int(stmt, 3) != 0;
	n->at = sqlite3_column_int64(stmt, 4);
	return 0;
}

int nd_notices_take(struct nd_store *st, const struct nd_actor *actor, struct nd_notice **out,
		    size_t *n, struct nd_error *err)
{
	*out = NULL;
	*n = 0;
	int rc = nd_store_begin(st, err);
	if (rc < 0)
		return rc;
	rc = nd_sql_list(st, out, n, sizeof **out, fill, err, "reading notices",
			 "SELECT code, item_id, actor, draft, created_at FROM notices "
			 "WHERE login = ? AND seen_at IS NULL ORDER BY id",
			 "s", actor->user.login);
	if (rc >= 0 && *n)
		rc = nd_sql_exec(
		    st, err, "marking notices shown",
		    "UPDATE notices SET seen_at = ? WHERE login = ? AND seen_at IS NULL", "is",
		    nd_now(), actor->user.login);
	if (rc < 0) {
		nd_store_rollback(st);
		free(*out);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return nd_store_commit(st, err);
}

void nd_notice_text(const struct nd_notice *notice, char *out, size_t size)
{
	char when[16];
	time_t tt = (time_t)notice->at;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(when, sizeof when, "%H:%M", &tm))
		snprintf(when, sizeof when, "?");
	for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
		if (strcmp(codes[i].code, notice->code) == 0) {
			snprintf(out, size,
				 _(notice->draft ? codes[i].with_draft : codes[i].without),
				 notice->actor, (long long)notice->item_id, when);
			return;
		}
	snprintf(out, size, "%s #%lld (%s)", notice->code, (long long)notice->item_id,
		 notice->actor);
}
