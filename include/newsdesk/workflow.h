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

struct nd_state {
	char *name;
	char *label_zh;
	char *label_en;
	int position;
	bool editable;
};

struct nd_transition {
	char *verb;
	char *from_state;
	char *to_state; /* NULL: back to the state before (restore) */
	char *min_role;
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
const char *nd_state_label(const struct nd_state *s, bool zh);

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
		      const char *verb, const char *note, bool zh, struct nd_transition_result *res,
		      struct nd_error *err);

/* The same checks without writing: 0 when verb would be allowed now. */
int nd_workflow_check(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		      const char *verb, const char *note, bool zh, struct nd_error *err);

#endif
