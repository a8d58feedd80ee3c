/* actions.c — what the requests do to items, whichever pane they come
 * from: workflow verbs (asking first when a step cannot be undone, or when
 * proofreading warnings are open on a sign-off), notes, the filter, sort,
 * search, `:` commands, placing, the rundown prompt and $EDITOR. */
#include "newsdesk/count.h"
#include "newsdesk/external.h"
#include "newsdesk/files.h"
#include "newsdesk/lang.h"
#include "newsdesk/number.h"
#include "newsdesk/planning.h"
#include "newsdesk/proof.h"
#include "newsdesk/review.h"
#include "newsdesk/search.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_counter.h"
#include "newsdesk/tui_editor.h"
#include "newsdesk/tui_rundown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct nd_transition *transition_for(const struct tui *t, const char *verb,
						  const char *state)
{
	for (size_t i = 0; i < t->wf.n_transitions; i++)
		if (strcmp(t->wf.transitions[i].verb, verb) == 0 &&
		    strcmp(t->wf.transitions[i].from_state, state) == 0)
			return &t->wf.transitions[i];
	return NULL;
}

bool tui_may(const struct tui *t, const struct tui_request *r)
{
	int rank = t->actor->user.rank;
	if (r->req == REQ_PUBLISH_ISSUE) /* whoever the workflow lets publish */
		return rank >= nd_workflow_publish_rank(&t->wf);
	if (r->min_rank && rank < r->min_rank)
		return false;
	if (!r->verb)
		return true;
	for (size_t i = 0; i < t->wf.n_transitions; i++)
		if (strcmp(t->wf.transitions[i].verb, r->verb) == 0 &&
		    t->wf.transitions[i].min_rank <= rank)
			return true;
	return false;
}

/* A step nothing in the workflow leads back from cannot be undone. */
static bool irreversible(const struct tui *t, const struct nd_transition *tr)
{
	if (!tr || !tr->to_state)
		return false;
	for (size_t i = 0; i < t->wf.n_transitions; i++)
		if (strcmp(t->wf.transitions[i].from_state, tr->to_state) == 0)
			return false;
	return true;
}

/* Asks before publishing or any step that cannot be undone, and before a
 * sign-off (a state that counts as signed off, by the schema) while
 * proofreading warnings are open. True: go ahead. */
static bool confirmed(struct tui *t, int64_t id, const char *verb, const struct nd_transition *tr)
{
	char q[256];
	const char *label = tr ? (nd_lang_is_zh() ? tr->label_zh : tr->label_en) : verb;
	const struct nd_state *to =
	    tr && tr->to_state ? nd_workflow_state(&t->wf, tr->to_state) : NULL;
	if ((to && to->published) || irreversible(t, tr)) {
		snprintf(q, sizeof q, _("%1$s #%2$lld? This cannot be undone. (y/n) "), label,
			 (long long)id);
		return tui_confirm(q);
	}
	if (!to || !to->signed_off)
		return true;
	struct nd_proof_report pr;
	struct nd_error err = { 0 };
	if (nd_proof_item(t->st, t->actor, id, 0, &pr, &err) < 0)
		return true; /* the workflow's own checks still apply */
	size_t open = pr.n;
	nd_proof_free(&pr);
	if (!open)
		return true;
	snprintf(q, sizeof q,
		 ngettext("%1$s #%2$lld with %3$zu proofreading warning open? (y/n) ",
			  "%1$s #%2$lld with %3$zu proofreading warnings open? (y/n) ",
			  (unsigned long)open),
		 label, (long long)id, open);
	return tui_confirm(q);
}

bool tui_run_verb(struct tui *t, int64_t id, const char *verb)
{
	struct nd_error err = { 0 };
	if (!id) {
		tui_message(t, true, "%s", _("no item selected"));
		return false;
	}
	if (!nd_workflow_has_verb(&t->wf, verb)) {
		tui_message(t, true, _("the workflow has no verb '%s'"), verb);
		return false;
	}
	/* Check before asking anything: a refusal should not cost typing. */
	if (nd_workflow_check(t->st, t->actor, id, verb, "-", &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	struct nd_item it;
	if (nd_item_get(t->st, t->actor, id, 0, &it, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return false;
	}
	const struct nd_transition *tr = transition_for(t, verb, it.state);
	nd_item_free(&it);
	if (!confirmed(t, id, verb, tr)) {
		tui_message(t, false, _("#%lld: not done"), (long long)id);
		return false;
	}
	char *note = NULL;
	if (tr && tr->note_required) {
		char question[160];
		/* the verb as the reader's language names it (退回, not return) */
		const char *label = nd_lang_is_zh() ? tr->label_zh : tr->label_en;
		snprintf(question, sizeof question, _("Note for %1$s #%2$lld (Esc cancels): "),
			 label && label[0] ? label : verb, (long long)id);
		note = tui_prompt(t, question, NULL, NULL);
		if (!note) {
			tui_message(t, false, "%s", _("cancelled"));
			return false;
		}
	}
	struct nd_transition_result res;
	bool done = nd_workflow_apply(t->st, t->actor, id, verb, note, &res, &err) == 0;
	if (done)
		tui_message(t, false, "#%lld %s → %s", (long long)id, res.from, res.to);
	else
		tui_message(t, true, "%s", err.msg);
	free(note);
	return done;
}

void tui_add_note(struct tui *t, int64_t id)
{
	struct nd_error err = { 0 };
	if (!id) {
		tui_message(t, true, "%s", _("no item selected"));
		return;
	}
	int64_t note_id;
	char question[96];
	snprintf(question, sizeof question, _("Note on #%lld: "), (long long)id);
	char *text = tui_prompt(t, question, NULL, NULL);
	if (!text || !text[0]) {
		tui_message(t, false, "%s", _("cancelled"));
	} else if (nd_note_add(t->st, t->actor, id, text, &note_id, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
	} else {
		tui_message(t, false, _("noted on #%lld"), (long long)id);
	}
	free(text);
}

/* Copies value, cut (at a character boundary) to fit. */
static void set_field(char *dst, size_t size, const char *value)
{
	size_t n = strlen(value);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, value, n);
	dst[n] = '\0';
}

static void apply_filter_fields(struct tui_list *l)
{
	l->filter.state = l->f_state[0] ? l->f_state : NULL;
	l->filter.section = l->f_section[0] ? l->f_section : NULL;
	l->filter.reporter = l->f_reporter[0] ? l->f_reporter : NULL;
	l->filter.issue = l->f_issue[0] ? l->f_issue : NULL;
}

/* The filter's keys as the reader's language writes them (state: or
 * 状态:); the parser takes both languages' (filter_keys below). */
static const char *const filter_words[] = { N_("state:"), N_("section:"), N_("reporter:"),
					    N_("issue:") };

static void current_filter(const struct tui *t, const struct tui_list *l, char *out, size_t size)
{
	const char *values[4] = { l->f_state[0] ? tui_state_label(t, l->f_state) : "", l->f_section,
				  l->f_reporter, l->f_issue };
	out[0] = '\0';
	for (size_t i = 0; i < 4; i++)
		if (values[i][0])
			snprintf(out + strlen(out), size - strlen(out), "%s%s ", _(filter_words[i]),
				 values[i]);
}

/* Filter words, mutt-limit style: state:待编 section:新闻速递 reporter:zhujl
 * issue:2024-07, or a bare state label. An empty line clears. */
void tui_filter_prompt(struct tui *t, struct tui_list *l)
{
	char current[256];
	current_filter(t, l, current, sizeof current);
	char *line = tui_prompt(t, _("Filter (state: section: reporter: issue:, empty clears): "),
				current, NULL);
	if (!line)
		return;
	char f[4][72] = { "", "", "", "" };
	static const struct {
		const char *key;
		int field;
	} keys[] = { { "state:", 0 }, { "状态:", 0 },  { "状态：", 0 },    { "section:", 1 },
		     { "栏目:", 1 },  { "栏目：", 1 }, { "reporter:", 2 }, { "作者:", 2 },
		     { "作者：", 2 }, { "记者:", 2 },  { "记者：", 2 },    { "issue:", 3 },
		     { "期:", 3 },    { "期：", 3 } };
	char *save = NULL;
	for (char *word = strtok_r(line, " \t", &save); word; word = strtok_r(NULL, " \t", &save)) {
		int field = -1;
		const char *value = word;
		for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
			if (strncmp(word, keys[i].key, strlen(keys[i].key)) == 0) {
				field = keys[i].field;
				value = word + strlen(keys[i].key);
				break;
			}
		}
		if (field < 0 && nd_workflow_find_state(&t->wf, word))
			field = 0;
		if (field < 0) {
			tui_message(
			    t, true,
			    _("unknown filter '%s': use state:, section:, reporter:, issue:"),
			    word);
			free(line);
			return;
		}
		if (field == 0) {
			const struct nd_state *s = nd_workflow_find_state(&t->wf, value);
			if (!s) {
				tui_message(t, true, _("unknown state '%s'"), value);
				free(line);
				return;
			}
			value = s->name;
		}
		snprintf(f[field], sizeof f[field], "%s", value);
	}
	free(line);
	set_field(l->f_state, sizeof l->f_state, f[0]);
	set_field(l->f_section, sizeof l->f_section, f[1]);
	set_field(l->f_reporter, sizeof l->f_reporter, f[2]);
	set_field(l->f_issue, sizeof l->f_issue, f[3]);
	apply_filter_fields(l);
	tui_list_reset(l, true);
	tui_list_reload(t, l);
	if (l->total >= 0) /* under a limit the count comes when idle */
		tui_message(t, false, ngettext("%lld item", "%lld items", (unsigned long)l->total),
			    (long long)l->total);
}

/* l: mutt's limit. The list holds only the items the search finds for the
 * words (with the filter), paged through the index as the list is; the
 * count comes in idle time. An empty answer clears it. */
void tui_limit_prompt(struct tui *t, struct tui_list *l)
{
	char *text = tui_prompt(t, _("Limit to items with (empty clears): "), l->limit, NULL);
	if (!text)
		return;
	bool clear = strspn(text, " \t") == strlen(text) ||
		     strspn(text, " \t\xe3\x80") == strlen(text); /* blanks, 　 too */
	if (!clear) {
		struct nd_search_terms terms;
		struct nd_error err = { 0 };
		if (nd_search_parse(text, &terms, &err) < 0) {
			tui_message(t, true, "%s", err.msg);
			free(text);
			return;
		}
		nd_search_terms_free(&terms);
	}
	set_field(l->limit, sizeof l->limit, clear ? "" : text);
	free(text);
	l->filter.text = l->limit[0] ? l->limit : NULL;
	tui_list_reset(l, false);
	tui_list_reload(t, l);
	if (l->limit[0])
		tui_message(t, false, _("limit %s: counting…"), l->limit);
	else
		tui_message(t, false,
			    ngettext("limit cleared: %lld item", "limit cleared: %lld items",
				     (unsigned long)l->total),
			    (long long)l->total);
}

void tui_sort_cycle(struct tui *t, struct tui_list *l)
{
	/* updated → id → filed → 字数, then the same keys reversed */
	if (l->filter.sort == ND_SORT_CHARS) {
		l->filter.sort = ND_SORT_UPDATED;
		l->filter.ascending = !l->filter.ascending;
	} else {
		l->filter.sort++;
	}
	tui_list_reset(l, true);
	tui_list_reload(t, l);
	if (l->limit[0]) /* the index gives its hits in one order only */
		tui_message(t, false,
			    _("sorted by %1$s%2$s once the limit is cleared; under it, by the "
			      "latest revision%2$s"),
			    tui_sort_name(l->filter.sort),
			    l->filter.ascending ? _(", ascending") : "");
	else
		tui_message(t, false, _("sorted by %1$s%2$s"), tui_sort_name(l->filter.sort),
			    l->filter.ascending ? _(", ascending") : "");
}

/* The desk's / is newsdesk search, with the list's filter: hits in
 * search order (headline hits first, newest first), a page at a time. */
enum { SEARCH_PAGE = 50 };

/* What / looks for: its words, within the limit's when one is set. */
static void search_query(const struct tui_list *l, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s", l->limit, l->limit[0] ? " " : "", l->search);
}

static struct nd_search_options search_options(const struct tui_list *l)
{
	return (struct nd_search_options){ .state = l->filter.state,
					   .section = l->filter.section,
					   .reporter = l->filter.reporter,
					   .issue = l->filter.issue,
					   .limit = SEARCH_PAGE };
}

/* Loads the page of hits that holds hit number index; the first hits
 * come at once, the total (match_total -1 until then) when idle. */
static int search_page(struct tui *t, struct tui_list *l, int64_t index, struct nd_error *err)
{
	struct nd_search_options o = search_options(l);
	o.offset = index / SEARCH_PAGE * SEARCH_PAGE;
	o.page_only = true;
	struct nd_search_hit *hits;
	size_t n;
	char query[sizeof l->limit + sizeof l->search + 1];
	search_query(l, query, sizeof query);
	int rc = nd_search(t->st, t->actor, query, &o, &hits, &n, err);
	if (rc < 0)
		return rc;
	free(l->matches);
	l->matches = calloc(n ? n : 1, sizeof *l->matches);
	l->nmatches = l->matches ? n : 0;
	for (size_t i = 0; i < l->nmatches; i++)
		l->matches[i].id = hits[i].id;
	nd_search_hits_free(hits, n);
	l->match_offset = o.offset;
	if (n < SEARCH_PAGE && (n > 0 || o.offset == 0))
		l->match_total = o.offset + (int64_t)n; /* a short page is the last */
	return l->matches ? 0 : nd_fail(err, ND_ENOMEM, _("out of memory"));
}

static int count_matches(struct tui *t, struct tui_list *l, struct nd_error *err)
{
	struct nd_search_options o = search_options(l);
	char query[sizeof l->limit + sizeof l->search + 1];
	search_query(l, query, sizeof query);
	int rc = nd_search_count(t->st, t->actor, query, &o, err);
	if (rc == 0)
		l->match_total = o.total;
	return rc;
}

static void match_message(struct tui *t, struct tui_list *l, bool wrapped)
{
	char at[32], of[32];
	nd_format_count((long)l->match_index + 1, at, sizeof at);
	if (l->match_total < 0) {
		tui_message(t, false, _("%s: match %s (counting…)"), l->search, at);
		return;
	}
	nd_format_count((long)l->match_total, of, sizeof of);
	tui_message(t, false, _("%s: match %s of %s%s"), l->search, at, of,
		    wrapped ? _(" (wrapped)") : "");
}

/* The total counted beside the desk (tui_counter.h): 0 while it counts, 1
 * when *total is known, negative when it failed, ND_ENOMEM when no thread
 * could count it. A count of another search is dropped. */
static int count_beside(struct tui *t, struct tui_list *l, int64_t *total, struct nd_error *err)
{
	struct nd_search_options o = search_options(l);
	char query[sizeof l->limit + sizeof l->search + 1];
	search_query(l, query, sizeof query);
	if (l->counter && !tui_counter_is(l->counter, query, &o)) {
		tui_counter_drop(l->counter);
		l->counter = NULL;
	}
	if (!l->counter && !(l->counter = tui_counter_start(t->st, t->actor, query, &o)))
		return ND_ENOMEM;
	int rc = tui_counter_poll(l->counter, total, err);
	if (rc != 0) {
		tui_counter_drop(l->counter);
		l->counter = NULL;
	}
	return rc;
}

void tui_search_count(struct tui *t, struct tui_list *l)
{
	struct nd_error err = { 0 };
	/* the message line still about this search gets the total */
	bool ours = strncmp(t->message, l->search, strlen(l->search)) == 0;
	int64_t total = -1;
	int rc = count_beside(t, l, &total, &err);
	if (rc == 0)
		return; /* still counting: asked again when idle */
	l->interrupted = false;
	if (rc == ND_ENOMEM && (rc = count_matches(t, l, &err)) == 0) /* no thread: here */
		total = l->match_total;
	if (rc < 0) {
		if (l->interrupted)
			return; /* a key first; counted when idle again */
		l->match_total = l->match_offset + (int64_t)l->nmatches;
		tui_message(t, true, "%s", err.msg);
		return;
	}
	l->match_total = total;
	if (ours)
		match_message(t, l, false);
}

/* Starts a search (dir 0) or moves to the next (1) or previous (-1) hit,
 * and selects its item in the list. */
void tui_search_jump(struct tui *t, struct tui_list *l, int dir)
{
	struct nd_error err = { 0 };
	if (!l->search[0]) {
		tui_message(t, true, "%s", _("no search yet: press /"));
		return;
	}
	if (dir == 0)
		l->match_total = -1;
	int64_t index = dir == 0 ? 0 : l->match_index + dir;
	/* wrapping round needs the total: counted now if idle time has not */
	if (dir != 0 && l->match_total < 0 && index < 0 && count_matches(t, l, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	bool wrapped = false;
	if (dir != 0 && l->match_total >= 0 && (index < 0 || index >= l->match_total)) {
		index = index < 0 ? l->match_total - 1 : 0;
		wrapped = true;
	}
	if ((dir == 0 || index < l->match_offset ||
	     index >= l->match_offset + (int64_t)l->nmatches) &&
	    search_page(t, l, index, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
		return;
	}
	if (dir > 0 && l->match_total < 0 && !l->nmatches)
		l->match_total = l->match_offset; /* the page before was full and the last */
	if (dir > 0 && l->match_total >= 0 && index >= l->match_total && l->match_total > 0) {
		index = 0; /* the end found by a short page: round to the first */
		wrapped = true;
		if (search_page(t, l, index, &err) < 0) {
			tui_message(t, true, "%s", err.msg);
			return;
		}
	}
	if (!l->nmatches || index - l->match_offset >= (int64_t)l->nmatches) {
		tui_message(t, true, _("not found: %s"), l->search);
		return;
	}
	l->match_index = index;
	l->sel_id = l->matches[index - l->match_offset].id;
	tui_list_reload(t, l);
	match_message(t, l, wrapped);
}

void tui_search_prompt(struct tui *t, struct tui_list *l)
{
	char *text = tui_prompt(t, _("Search: "), l->search, NULL);
	if (!text)
		return;
	snprintf(l->search, sizeof l->search, "%s", text);
	free(text);
	tui_search_jump(t, l, 0);
}

/* The issue code to work on: the last one used, else the newest. */
void tui_default_issue(struct tui *t, char *out, size_t size)
{
	if (t->last_issue[0]) {
		snprintf(out, size, "%s", t->last_issue);
		return;
	}
	struct nd_issue *issues;
	size_t n;
	struct nd_error err = { 0 };
	out[0] = '\0';
	if (nd_issue_list(t->st, &issues, &n, &err) == 0) {
		if (n)
			snprintf(out, size, "%s", issues[0].code);
		nd_issues_free(issues, n);
	}
}

void tui_rundown_prompt(struct tui *t)
{
	char code[40];
	tui_default_issue(t, code, sizeof code);
	char *answer = tui_prompt(t, _("Rundown of issue: "), code, NULL);
	if (!answer || !answer[0]) {
		free(answer);
		return;
	}
	if (tui_rundown_open(t, answer))
		snprintf(t->last_issue, sizeof t->last_issue, "%s", answer);
	free(answer);
}

/* "CODE PAGE [POSITION]", the numbers read by the CLI's own parser, so
 * "2-07" is refused here as it is there. */
void tui_assign(struct tui *t, int64_t id)
{
	struct nd_error err = { 0 };
	if (!id) {
		tui_message(t, true, "%s", _("no item selected"));
		return;
	}
	char code[40], q[128];
	tui_default_issue(t, code, sizeof code);
	snprintf(q, sizeof q, _("Place #%lld on (issue page [position]): "), (long long)id);
	char initial[48];
	snprintf(initial, sizeof initial, "%s%s", code, code[0] ? " " : "");
	char *answer = tui_prompt(t, q, initial, NULL);
	if (!answer)
		return;
	char *save = NULL, *issue = strtok_r(answer, " \t", &save);
	char *page_s = strtok_r(NULL, " \t", &save), *pos_s = strtok_r(NULL, " \t", &save);
	long long page = 0, position = 0;
	if (!issue || !page_s || nd_parse_number(page_s, 1, 10000, &page) < 0 ||
	    (pos_s && nd_parse_number(pos_s, 1, 100000, &position) < 0) ||
	    strtok_r(NULL, " \t", &save)) {
		tui_message(t, true, "%s", _("give the issue code and a page, like: 2024-07 5"));
	} else if (nd_item_assign(t->st, t->actor, id, issue, (int)page, (int)position, &err) < 0) {
		tui_message(t, true, "%s", err.msg);
	} else {
		snprintf(t->last_issue, sizeof t->last_issue, "%s", issue);
		tui_message(t, false, _("#%1$lld placed in %2$s on page %3$d"), (long long)id,
			    issue, (int)page);
	}
	free(answer);
}

/* E: the item in the user's own editor, the desk suspended meanwhile. */
void tui_external(struct tui *t, int64_t id)
{
	struct nd_error err = { 0 };
	struct nd_external_result res;
	if (!id) {
		tui_message(t, true, "%s", _("no item selected"));
		return;
	}
	if (nd_restricted()) {
		/* over SSH no program is started (nd_run_program refuses too) */
		tui_message(t, true, "%s",
			    _("over SSH the desk's own editor is the one available: press e"));
		return;
	}
	unsigned flags = 0;
	if (!tui_external_offer(t, id, &flags))
		return;
	def_prog_mode();
	endwin();
	int rc = nd_external_edit(t->st, t->actor, id, flags, &res, &err);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (rc < 0 && res.kept[0])
		tui_message(t, true, _("%1$s (your text is kept in %2$s)"), err.msg, res.kept);
	else if (rc < 0)
		tui_message(t, true, "%s", err.msg);
	else if (res.unchanged)
		tui_message(t, false, _("#%lld unchanged"), (long long)id);
	else
		tui_message(t, false, _("saved #%1$lld as revision %2$d"), (long long)id, res.rev);
}
