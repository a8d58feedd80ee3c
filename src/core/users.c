/* users.c — users, roles and the acting user. */
#include "newsdesk/users.h"
#include "newsdesk/lang.h"
#include "newsdesk/store_sql.h"

#include <stdlib.h>
#include <string.h>

static const char *rank_names[] = { "", N_("a reporter"), N_("an editor"), N_("a chief editor"),
				    N_("an admin") };

int nd_require_rank(const struct nd_actor *actor, int need, const char *what, struct nd_error *err)
{
	if (actor->user.rank >= need)
		return 0;
	return nd_fail(err, ND_EPERM, _("only %1$s or above may %2$s (you, %3$s, are %4$s)"),
		       need >= 1 && need <= 4 ? _(rank_names[need]) : _("someone else"), _(what),
		       actor->user.login, actor->user.role);
}

int nd_item_unknown(const struct nd_actor *actor, int64_t id, struct nd_error *err)
{
	if (actor && actor->user.rank < ND_RANK_EDITOR)
		return nd_fail(err, ND_ENOENT, _("you have no item #%lld"), (long long)id);
	return nd_fail(err, ND_ENOENT, _("no item #%lld"), (long long)id);
}

static void fill_user(sqlite3_stmt *stmt, struct nd_user *u)
{
	u->login = nd_column_dup(stmt, 0);
	u->name = nd_column_dup(stmt, 1);
	u->role = nd_column_dup(stmt, 2);
	u->rank = sqlite3_column_int(stmt, 3);
	u->enabled = sqlite3_column_int(stmt, 4);
	u->ssh_key = nd_column_dup(stmt, 5);
	u->created_at = sqlite3_column_int64(stmt, 6);
	u->role_label = nd_column_dup(stmt, nd_lang_is_zh() ? 7 : 8);
}

#define USER_COLUMNS                                                                               \
	"u.login, u.name, u.role, r.rank, u.enabled, u.ssh_key, u.created_at, r.label_zh, "        \
	"r.label_en "                                                                              \
	"FROM users u JOIN roles r ON r.name = u.role "

int nd_user_get(struct nd_store *st, const char *login, struct nd_user *u, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	memset(u, 0, sizeof *u);
	int rc =
	    nd_sql_prepare(st, &stmt, err, "SELECT " USER_COLUMNS "WHERE u.login = ?", "s", login);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading users", err)) > 0) {
		fill_user(stmt, u);
		rc = u->login && u->role ? 0 : nd_fail(err, ND_ENOMEM, _("out of memory"));
	} else if (rc == 0) {
		rc = nd_fail(err, ND_ENOENT, _("no user '%s'"), login);
	}
	sqlite3_finalize(stmt);
	return rc;
}

int nd_role_rank(struct nd_store *st, const char *role, int *rank, struct nd_error *err)
{
	int64_t r = 0;
	int rc = nd_sql_int(st, &r, err, "reading roles", "SELECT rank FROM roles WHERE name = ?",
			    "s", role);
	if (rc == 0)
		return nd_fail(err, ND_EINVAL,
			       _("unknown role '%s' (reporter, editor, chief or admin)"), role);
	*rank = (int)r;
	return rc < 0 ? rc : 0;
}

static int valid_login(const char *login, struct nd_error *err)
{
	size_t n = strlen(login);
	if (n == 0 || n > 64)
		return nd_fail(err, ND_EINVAL, _("a login has 1 to 64 characters"));
	for (size_t i = 0; i < n; i++) {
		char c = login[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-' || c == '.') ||
		    (i == 0 && (c == '-' || c == '.')))
			return nd_fail(
			    err, ND_EINVAL,
			    _("'%s' is not a valid login: use letters, digits, '_', '-' and "
			      "'.' (like a Unix login)"),
			    login);
	}
	return 0;
}

/* sshd uses the first line that matches a key: two users with one key
 * would both be the first of them. */
static int key_taken(struct nd_store *st, const char *login, const char *key, struct nd_error *err)
{
	sqlite3_stmt *stmt;
	if (!key)
		return 0;
	int rc = nd_sql_prepare(st, &stmt, err,
				"SELECT login FROM users WHERE ssh_key = ? AND login <> ?", "ss",
				key, login);
	if (rc < 0)
		return rc;
	if ((rc = nd_sql_step(st, stmt, "reading users", err)) > 0)
		rc = nd_fail(err, ND_EINVAL,
			     _("that key already belongs to %s: each user needs a key of "
			       "their own"),
			     sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return rc;
}

int nd_user_set_key(struct nd_store *st, const struct nd_actor *actor, const char *login,
		    const char *key, struct nd_error *err)
{
	int rc;
	if ((rc = nd_require_rank(actor, ND_RANK_ADMIN, N_("change users"), err)) < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = key_taken(st, login, key, err)) < 0 ||
	    (rc = nd_sql_exec(st, err, "saving the key",
			      "UPDATE users SET ssh_key = ? WHERE login = ?", "ss", key, login)) <
		0)
		goto fail;
	if (rc == 0) {
		rc = nd_fail(err, ND_ENOENT, _("no user '%s'"), login);
		goto fail;
	}
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}

static int insert_user(struct nd_store *st, const char *login, const char *role, const char *name,
		       const char *key, struct nd_error *err)
{
	int64_t taken = 0;
	int rc = nd_sql_int(st, &taken, err, "reading users",
			    "SELECT count(*) FROM users WHERE login = ?", "s", login);
	if (rc < 0)
		return rc;
	if (taken)
		return nd_fail(err, ND_EINVAL, _("user '%s' already exists"), login);
	rc = nd_sql_exec(st, err, "adding the user",
			 "INSERT INTO users(login, name, role, ssh_key, created_at) "
			 "VALUES (?, ?, ?, ?, ?)",
			 "ssssi", login, name && name[0] ? name : NULL, role, key, nd_now());
	return rc < 0 ? rc : 0;
}

int nd_user_add(struct nd_store *st, const struct nd_actor *actor, const char *login,
		const char *role, const char *name, const char *ssh_key, struct nd_error *err)
{
	int rank, rc;
	if ((rc = nd_require_rank(actor, ND_RANK_ADMIN, N_("add users"), err)) < 0 ||
	    (rc = valid_login(login, err)) < 0 || (rc = nd_role_rank(st, role, &rank, err)) < 0)
		return rc;
	if ((rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = key_taken(st, login, ssh_key, err)) < 0 ||
	    (rc = insert_user(st, login, role, name, ssh_key, err)) < 0) {
		nd_store_rollback(st);
		return rc;
	}
	return nd_store_commit(st, err);
}

int nd_user_bootstrap(struct nd_store *st, const char *login, const char *name,
		      struct nd_error *err)
{
	int64_t users = 0;
	int rc;
	if ((rc = valid_login(login, err)) < 0 || (rc = nd_store_begin(st, err)) < 0)
		return rc;
	if ((rc = nd_sql_int(st, &users, err, "counting users", "SELECT count(*) FROM users",
			     NULL)) < 0)
		goto fail;
	if (users > 0) {
		rc = nd_fail(err, ND_EINVAL, _("the database already has users; ask an admin"));
		goto fail;
	}
	if ((rc = insert_user(st, login, "admin", name, NULL, err)) < 0)
		goto fail;
	return nd_store_commit(st, err);
fail:
	nd_store_rollback(st);
	return rc;
}

int nd_user_desk(struct nd_store *st, const char *login, int *on, struct nd_error *err)
{
	int64_t v = 1;
	int rc = nd_sql_int(st, &v, err, "reading the user",
			    "SELECT desk FROM users WHERE login = ?", "s", login);
	if (rc == 0)
		return nd_fail(err, ND_ENOENT, _("no user '%s'"), login);
	*on = v != 0;
	return rc < 0 ? rc : 0;
}

int nd_user_set_desk(struct nd_store *st, const struct nd_actor *actor, const char *login, int on,
		     struct nd_error *err)
{
	int rc = nd_require_rank(actor, ND_RANK_ADMIN, N_("change users"), err);
	if (rc < 0)
		return rc;
	rc = nd_sql_exec(st, err, "changing the user", "UPDATE users SET desk = ? WHERE login = ?",
			 "ds", on ? 1 : 0, login);
	if (rc == 0)
		return nd_fail(err, ND_ENOENT, _("no user '%s'"), login);
	return rc < 0 ? rc : 0;
}

int nd_user_set_enabled(struct nd_store *st, const struct nd_actor *actor, const char *login,
			int enabled, struct nd_error *err)
{
	int rc;
	if ((rc = nd_require_rank(actor, ND_RANK_ADMIN, N_("change users"), err)) < 0)
		return rc;
	if ((rc = nd_sql_exec(st, err, "changing the user",
			      "UPDATE users SET enabled = ? WHERE login = ?", "ds", enabled ? 1 : 0,
			      login)) == 0)
		rc = nd_fail(err, ND_ENOENT, _("no user '%s'"), login);
	return rc < 0 ? rc : 0;
}

static int fill_user_row(sqlite3_stmt *stmt, void *elem)
{
	fill_user(stmt, elem);
	return 0;
}

int nd_user_list(struct nd_store *st, struct nd_user **users, size_t *n, struct nd_error *err)
{
	*users = NULL;
	*n = 0;
	int rc = nd_sql_list(st, users, n, sizeof **users, fill_user_row, err, "listing users",
			     "SELECT " USER_COLUMNS "ORDER BY r.rank DESC, u.login", NULL);
	if (rc < 0) {
		nd_users_free(*users, *n);
		*users = NULL;
		*n = 0;
	}
	return rc;
}

void nd_user_free(struct nd_user *u)
{
	free(u->login);
	free(u->name);
	free(u->role);
	free(u->role_label);
	free(u->ssh_key);
	memset(u, 0, sizeof *u);
}

void nd_users_free(struct nd_user *users, size_t n)
{
	for (size_t i = 0; i < n; i++)
		nd_user_free(&users[i]);
	free(users);
}

int nd_actor_resolve(struct nd_store *st, const char *unix_login, const char *as_login,
		     struct nd_actor *actor, struct nd_error *err)
{
	struct nd_user self;
	int rc = nd_user_get(st, unix_login, &self, err);
	memset(actor, 0, sizeof *actor);
	if (rc == ND_ENOENT)
		return nd_fail(err, ND_EPERM,
			       _("you (%1$s) are not a newsdesk user: ask an admin to run "
				 "'newsdesk user add %2$s --role …'"),
			       unix_login, unix_login);
	if (rc < 0)
		return rc;
	if (!self.enabled) {
		nd_user_free(&self);
		return nd_fail(err, ND_EPERM, _("user '%s' is disabled"), unix_login);
	}
	if (!as_login || strcmp(as_login, unix_login) == 0) {
		actor->user = self;
		return 0;
	}
	if (self.rank < ND_RANK_ADMIN) {
		rc = nd_fail(err, ND_EPERM, _("only an admin may act as another user (--as %s)"),
			     as_login);
		nd_user_free(&self);
		return rc;
	}
	nd_user_free(&self);
	if ((rc = nd_user_get(st, as_login, &actor->user, err)) < 0)
		return rc == ND_ENOENT
			   ? nd_fail(err, ND_ENOENT, _("--as %s: no such user"), as_login)
			   : rc;
	if (!actor->user.enabled) {
		nd_user_free(&actor->user);
		return nd_fail(err, ND_EPERM, _("user '%s' is disabled"), as_login);
	}
	return 0;
}

void nd_actor_free(struct nd_actor *actor)
{
	nd_user_free(&actor->user);
}
