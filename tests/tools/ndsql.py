"""ndsql.py — for tests that write the store behind newsdesk's back, as a
person or another program would. Python's sqlite3 here cannot load
extensions, and any write that touches the search index needs its
tokenizer; so statements go through the sqlite3 shell with '.load
nd_bigram', exactly as the man page tells an administrator.

    import ndsql; c = ndsql.connect(path)  # execute / executescript / commit
"""
import os
import subprocess


def _lit(v):
    if v is None:
        return "NULL"
    if isinstance(v, int):
        return str(v)
    return "CAST(X'%s' AS TEXT)" % str(v).encode("utf-8", "surrogatepass").hex()


class _Rows:
    def __init__(self, rows):
        self.rows = rows

    def fetchone(self):
        return self.rows[0] if self.rows else None


class Conn:
    def __init__(self, path):
        self.path, self.pending = path, []

    def _run(self, sql):
        out = subprocess.run(
            ["sqlite3", "-bail", "-batch", "-list", "-separator", "\x1f",
             "-cmd", ".load " + os.environ["ND_BIGRAM"], self.path],
            input=sql.encode(), capture_output=True, check=False)
        if out.returncode != 0:
            raise RuntimeError(out.stderr.decode(errors="replace").strip())
        return out.stdout.decode()

    def execute(self, sql, params=()):
        parts = sql.split("?")
        assert len(parts) == len(params) + 1, sql
        text = parts[0] + "".join(_lit(p) + s for p, s in zip(params, parts[1:]))
        if text.lstrip().upper().startswith("SELECT"):
            self.commit()
            lines = self._run(text + ";\n").splitlines()
            return _Rows([tuple(int(x) if x.lstrip("-").isdigit() else x
                                for x in l.split("\x1f")) for l in lines])
        self.pending.append(text + ";")
        return _Rows([])

    def executescript(self, script):
        self.pending.append(script)

    def commit(self):
        if self.pending:
            self._run("BEGIN;\n" + "\n".join(self.pending) + "\nCOMMIT;\n")
            self.pending = []


def connect(path):
    return Conn(path)
