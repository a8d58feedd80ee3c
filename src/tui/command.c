/* command.c — vim's `:`: a request by its name, a workflow verb by its
 * English or Chinese name (编完, 签发 …), :q to quit, :42 to select item
 * #42, :messages; Tab completes any of these. */
#include "newsdesk/buf.h"
#include "newsdesk/number.h"
#include "newsdesk/tui_app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const extra_words[] = { "q", "quit", "messages" };

/* Calls fn for every word `:` knows. */
static void each_word(const struct tui *t, void (*fn)(const char *word, void *arg), void *arg)
{
	for (size_t i = 0; i < sizeof extra_words / sizeof *extra_words; i++)
		fn(extra_words[i], arg);
	for (size_t i = 0; i < tui_request_count; i++)
		if (tui_may(t, &tui_requests[i]) && tui_requests[i].panes != PANE_EDITOR)
			fn(tui_requests[i].name, arg);
	for (size_t i = 0; i < t->wf.n_transitions; i++) {
		fn(t->wf.transitions[i].verb, arg);
		if (t->wf.transitions[i].label_zh)
			fn(t->wf.transitions[i].label_zh, arg);
	}
}

struct completion {
	const char *prefix;
	char common[128];
	int found;
	struct nd_buf all;
};

static void complete_one(const char *word, void *arg)
{
	struct completion *c = arg;
	if (strncmp(word, c->prefix, strlen(c->prefix)) != 0)
		return;
	if (c->found && strcmp(c->common, word) == 0)
		return; /* the same verb from another transition */
	if (!c->found) {
		snprintf(c->common, sizeof c->common, "%s", word);
	} else {
		size_t k = 0;
		while (c->common[k] && c->common[k] == word[k])
			k++;
		/* never cut a UTF-8 character in half */
		while (k > 0 && ((unsigned char)c->common[k] & 0xC0) == 0x80)
			k--;
		c->common[k] = '\0';
	}
	c->found++;
	nd_buf_printf(&c->all, " %s", word);
}

/* Tab at `:`: the longest completion of what is typed; when several words
 * fit, they are listed on the message line. */
static char *complete(struct tui *t, const char *text)
{
	struct completion c = { .prefix = text, .all = ND_BUF_INIT };
	each_word(t, complete_one, &c);
	char *out = NULL;
	if (c.found)
		out = strdup(c.common);
	if (c.found > 1)
		tui_message(t, false, "%s", nd_buf_str(&c.all) + 1);
	nd_buf_free(&c.all);
	return out;
}

/* A workflow verb by its name or its Chinese or English label. */
static const char *verb_named(const struct tui *t, const char *word)
{
	for (size_t i = 0; i < t->wf.n_transitions; i++) {
		const struct nd_transition *tr = &t->wf.transitions[i];
		if (strcmp(tr->verb, word) == 0 ||
		    (tr->label_zh && strcmp(tr->label_zh, word) == 0) ||
		    (tr->label_en && strcmp(tr->label_en, word) == 0))
			return tr->verb;
	}
	return NULL;
}

/* :42 for an item the list does not show: one that does not exist (or
 * that this user may not read) is said so; one the filter or the limit
 * hides, that. */
static void missing(struct tui *t, int64_t id)
{
	struct nd_item it;
	struct nd_error err = { 0 };
	int rc = nd_item_get(t->st, t->actor, id, 0, &it, &err);
	if (rc == 0) {
		nd_item_free(&it);
		tui_message(t, true, _("#%lld is not in the list (see the filter)"), (long long)id);
	} else if (rc == ND_ENOENT) {
		tui_message(t, true, _("there is no item #%lld"), (long long)id);
	} else {
		tui_message(t, true, "%s", err.msg);
	}
}

/* :42 — the lowest pane that selects items (the list) selects it. */
static bool select_item(struct tui *t, int64_t id)
{
	for (int i = 0; i < t->depth; i++)
		if (t->stack[i].ops->select)
			return t->stack[i].ops->select(t, t->stack[i].data, id);
	return false;
}

enum tui_req tui_command(struct tui *t, const char **verb)
{
	*verb = NULL;
	char *line = tui_prompt(t, ":", NULL, complete);
	if (!line)
		return REQ_NONE;
	char *word = line;
	while (*word == ' ')
		word++;
	for (char *end = word + strlen(word); end > word && end[-1] == ' ';)
		*--end = '\0';
	enum tui_req req = REQ_NONE;
	long long id;
	if (!word[0]) {
		/* nothing asked */
	} else if (strcmp(word, "q") == 0 || strcmp(word, "quit") == 0 || strcmp(word, "q!") == 0) {
		req = REQ_QUIT;
	} else if (nd_parse_number(word[0] == '#' ? word + 1 : word, 1, INT64_MAX, &id) == 0) {
		if (select_item(t, (int64_t)id))
			req = REQ_DESK;
		else
			missing(t, (int64_t)id);
	} else if (strncmp(word, "mes", 3) == 0 && strncmp("messages", word, strlen(word)) == 0) {
		req = REQ_MESSAGES;
	} else if ((*verb = verb_named(t, word)) != NULL) {
		/* a verb with a request goes through the pane, which knows its
		 * item; a verb a newsroom added, without a key, the caller runs */
		for (size_t i = 0; i < tui_request_count; i++)
			if (tui_requests[i].verb && strcmp(tui_requests[i].verb, *verb) == 0)
				req = tui_requests[i].req;
		if (req != REQ_NONE)
			*verb = NULL;
	} else if ((req = tui_request_by_name(word)) == REQ_NONE ||
		   tui_request_info(req)->panes == PANE_EDITOR) {
		/* the editor's requests are its keys; `:` never reaches it */
		req = REQ_NONE;
		tui_message(t, true, _("no command '%s' (Tab lists them)"), word);
	}
	free(line);
	return req;
}
