/* workflow.h — moving items between states. The states and transitions are
 * rows in the schema; this module only interprets them, so a newsroom that
 * adds a stage (a 复审 step) adds rows, not code. */
#ifndef NEWSDESK_WORKFLOW_H
#define NEWSDESK_WORKFLOW_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a state means is data (schema/NNN_state_meaning.sql): code asks
 * these, never a state's name. */
struct nd_state {
	char *name;
	char *label_zh;
	char *label_en;
	int position;
	bool editable;
	bool initial; /* where filing puts a new item */
	bool signed_off; /* 签发 or beyond: counts as signed off in an issue */
	bool published; /* out: needs a published revision */
	bool withdrawn; /* 撤稿: out of searches and pages */
	bool reporter_edits; /* the reporter may edit their own item in it */
	char *edit_to; /* an edit moves the item there (a correction), or NULL */
};

struct nd_transition {
	char *verb;
	char *from_state;
	char *to_state; /* NULL: back to the state before (restore) */
	char *min_role;
	char *min_role_label; /* in the reader's language (schema: roles) */
	int min_rank;
	bool note_required;
	bool own_only;
	char *label_zh;
	char *label_en;
};

struct nd_workflow {
	struct nd_state *states;
	size_t n_states;
	struct nd_transition *transitions;
	size_t n_transitions;
};

int nd_workflow_load(struct nd_store *st, struct nd_workflow *wf, struct nd_error *err);
void nd_workflow_free(struct nd_workflow *wf);

const struct nd_state *nd_workflow_state(const struct nd_workflow *wf, const char *name);
/* A state by name or by its Chinese or English label. */
const struct nd_state *nd_workflow_find_state(const struct nd_workflow *wf, const char *word);
bool nd_workflow_has_verb(const struct nd_workflow *wf, const char *verb);
const char *nd_state_label(const struct nd_state *s);

/* What happened, for the caller to report. */
struct nd_transition_result {
	char from[32];
	char to[32];
	int64_t event_id;
};

/* Performs verb on item id in one BEGIN IMMEDIATE transaction: checks the
 * actor's role, the item's state, the note rule and the edit lock, moves
 * the item and appends the event. A refusal changes nothing. */
int nd_workflow_apply(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		      const char *verb, const char *note, struct nd_transition_result *res,
		      struct nd_error *err);

/* The same checks without writing: 0 when verb would be allowed now. */
int nd_workflow_check(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		      const char *verb, const char *note, struct nd_error *err);

/* The engine inside the caller's transaction, with wf loaded there: checks
 * and performs verb on item id. Entering a published state records the
 * current revision as published_rev; this is the one place that does.
 * The issue rule is the caller's (nd_workflow_apply for one item,
 * nd_issue_publish for an issue). */
int nd_workflow_move(struct nd_store *st, const struct nd_workflow *wf,
		     const struct nd_actor *actor, int64_t id, const char *verb, const char *note,
		     struct nd_transition_result *res, struct nd_error *err);
/* The same, logged with a system note: code (sysnote.h) and its arguments. */
int nd_workflow_move_code(struct nd_store *st, const struct nd_workflow *wf,
			  const struct nd_actor *actor, int64_t id, const char *verb,
			  const char *code, const char *note, struct nd_transition_result *res,
			  struct nd_error *err);

/* The verb of the transition from state into a published state, or NULL. */
const char *nd_workflow_publish_verb(const struct nd_workflow *wf, const char *state);

/* The least rank any transition into a published state allows (99: none). */
int nd_workflow_publish_rank(const struct nd_workflow *wf);

/* The name of the state filing puts new items in. */
const struct nd_state *nd_workflow_initial(const struct nd_workflow *wf);

#endif
