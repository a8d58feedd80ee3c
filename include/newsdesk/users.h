/* users.h — who may do what. Roles are ranked (reporter < editor < chief <
 * admin) in the roles table; a higher rank may do all a lower may. */
#ifndef NEWSDESK_USERS_H
#define NEWSDESK_USERS_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"

#include <stddef.h>
#include <stdint.h>

enum nd_rank { ND_RANK_REPORTER = 1, ND_RANK_EDITOR = 2, ND_RANK_CHIEF = 3, ND_RANK_ADMIN = 4 };

struct nd_user {
	char *login;
	char *name; /* may be NULL */
	char *role;
	char *role_label; /* the role's label in the reader's language (schema: roles) */
	int rank;
	int enabled;
	char *ssh_key; /* may be NULL */
	int64_t created_at;
};

/* The user a command acts as. */
struct nd_actor {
	struct nd_user user;
};

int nd_user_get(struct nd_store *st, const char *login, struct nd_user *u, struct nd_error *err);
int nd_user_add(struct nd_store *st, const struct nd_actor *actor, const char *login,
		const char *role, const char *name, const char *ssh_key, struct nd_error *err);
/* Registers login as the first admin of a new database (no actor needed;
 * refused once any user exists). */
int nd_user_bootstrap(struct nd_store *st, const char *login, const char *name,
		      struct nd_error *err);
/* Sets (or with NULL clears) a user's SSH public key, already validated;
 * refused when another user has the same key. */
int nd_user_set_key(struct nd_store *st, const struct nd_actor *actor, const char *login,
		    const char *key, struct nd_error *err);
int nd_user_set_enabled(struct nd_store *st, const struct nd_actor *actor, const char *login,
			int enabled, struct nd_error *err);
/* Whether login may open the desk over SSH (ssh -t): *on. */
int nd_user_desk(struct nd_store *st, const char *login, int *on, struct nd_error *err);
/* Turns the desk over SSH on or off for login (admins). */
int nd_user_set_desk(struct nd_store *st, const struct nd_actor *actor, const char *login, int on,
		     struct nd_error *err);
int nd_user_list(struct nd_store *st, struct nd_user **users, size_t *n, struct nd_error *err);
void nd_user_free(struct nd_user *u);
void nd_users_free(struct nd_user *users, size_t n);

/* The rank of a role name, or ND_EINVAL naming the known roles. */
int nd_role_rank(struct nd_store *st, const char *role, int *rank, struct nd_error *err);

/* Resolves who a command acts as: unix_login, or as_login when given (only
 * an admin may act as someone else). Disabled users are refused. */
int nd_actor_resolve(struct nd_store *st, const char *unix_login, const char *as_login,
		     struct nd_actor *actor, struct nd_error *err);
void nd_actor_free(struct nd_actor *actor);

/* ND_EPERM with a message when the actor's rank is below need. */
int nd_require_rank(const struct nd_actor *actor, int need, const char *what, struct nd_error *err);

/* ND_ENOENT for an item the actor may not see or that does not exist: to a
 * reporter both get the one answer (which ids exist is not theirs to map),
 * to an editor (or no actor) "no item #N". */
int nd_item_unknown(const struct nd_actor *actor, int64_t id, struct nd_error *err);

#endif
