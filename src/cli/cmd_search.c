/* cmd_search.c — search and reindex. */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/json.h"
#include "newsdesk/lang.h"
#include "newsdesk/search.h"
#include "newsdesk/width.h"
#include "newsdesk/workflow.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The state word (a name or a label) as the state's name. */
static int resolve_state(struct nd_cli *cli, const char *word, char *name, size_t size,
			 struct nd_error *err)
{
	struct nd_workflow wf;
	int rc = nd_workflow_load(cli->st, &wf, err);
	if (rc < 0)
		return rc;
	const struct nd_state *s = nd_workflow_find_state(&wf, word);
	if (s)
		snprintf(name, size, "%s", s->name);
	else
		rc = nd_fail(err, ND_EINVAL, _("unknown state '%s'"), word);
	nd_workflow_free(&wf);
	return rc;
}

static void print_json(struct nd_buf *out, const struct nd_search_options *o,
		       const struct nd_search_hit *hits, size_t n)
{
	nd_buf_adds(out, "{");
	nd_json_kv_int(out, 1, "total", o->total);
	nd_json_kv_int(out, 0, "offset", o->offset);
	nd_buf_adds(out, ", \"hits\": [");
	for (size_t i = 0; i < n; i++) {
		nd_buf_adds(out, i ? ",\n {" : "\n {");
		nd_json_kv_int(out, 1, "id", hits[i].id);
		nd_json_kv_str(out, 0, "state", hits[i].state);
		nd_json_kv_str(out, 0, "headline", hits[i].headline);
		nd_json_kv_int(out, 0, "in_headline", hits[i].in_headline);
		nd_json_kv_str(out, 0, "snippet", hits[i].snippet);
		nd_json_kv_int(out, 0, "updated_at", hits[i].updated_at);
		nd_buf_addc(out, '}');
	}
	nd_buf_adds(out, "\n]}\n");
}

static void print_hits(struct nd_buf *out, const struct nd_search_hit *hits, size_t n)
{
	int width = nd_cli_width(0);
	for (size_t i = 0; i < n; i++) {
		char id[24];
		snprintf(id, sizeof id, "#%lld", (long long)hits[i].id);
		nd_fit(out, id, 7, true, ND_ALIGN_LEFT);
		nd_fit(out, hits[i].state_label, 10, true, ND_ALIGN_LEFT);
		nd_fit(out, hits[i].headline, width - 18 > 20 ? width - 18 : 20, false,
		       ND_ALIGN_LEFT);
		nd_buf_adds(out, "\n       ");
		nd_fit(out, hits[i].snippet ? hits[i].snippet : "", width - 8 > 20 ? width - 8 : 20,
		       false, ND_ALIGN_LEFT);
		nd_buf_addc(out, '\n');
	}
}

/* The exact total, always, and where this page is in it. */
static void print_total(struct nd_buf *out, const char *query, const struct nd_search_options *o,
			size_t n)
{
	int width = nd_cli_width(0);
	char total[32], from[32], to[32], line[256];
	nd_format_count((long)o->total, total, sizeof total);
	nd_format_count((long)(o->offset + 1), from, sizeof from);
	nd_format_count((long)(o->offset + (int64_t)n), to, sizeof to);
	if (o->total == 0)
		snprintf(line, sizeof line, _("no item matches %s"), query);
	else if (n == 0)
		snprintf(line, sizeof line, _("%1$s items match %2$s; none are left past hit %3$s"),
			 total, query, from);
	else if (o->offset == 0 && (int64_t)n == o->total)
		snprintf(line, sizeof line,
			 ngettext("%1$s item matches %2$s", "%1$s items match %2$s",
				  (unsigned long)o->total),
			 total, query);
	else if (o->offset == 0)
		snprintf(line, sizeof line, _("%1$s items match %2$s; showing the newest %3$s"),
			 total, query, to);
	else
		snprintf(line, sizeof line, _("%1$s items match %2$s; showing %3$s–%4$s"), total,
			 query, from, to);
	nd_fit(out, line, width, false, ND_ALIGN_LEFT);
	nd_buf_addc(out, '\n');
}

int nd_cmd_search(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	/* options may follow the words (search 工会 --limit 5); a word that
	   starts with '-' goes after --, as with grep */
	const struct nd_search_args *a = args;
	struct nd_search_options o = { .limit = (int)a->limit,
				       .offset = a->offset,
				       .since = a->since,
				       .until = a->until,
				       .section = a->section,
				       .reporter = a->reporter,
				       .issue = a->issue,
				       .page_only = true };
	const char *state_word = a->state;
	bool json = strcmp(a->format, "json") == 0;
	if (a->npos == 0)
		return nd_cli_usage(cmd, _("search needs a query"));
	if (a->page && o.offset)
		return nd_cli_usage(cmd, _("--page and --offset say the same thing: give one"));
	if (a->page)
		o.offset = (a->page - 1) * o.limit;
	if (o.since && o.until && o.until <= o.since)
		return nd_cli_usage(cmd, _("--until is before --since: no item can match"));
	struct nd_buf query = ND_BUF_INIT;
	for (int i = 0; i < a->npos; i++) {
		/* words that held blanks were quoted by the user: keep them a phrase */
		bool phrase = strchr(a->pos[i], ' ') != NULL;
		nd_buf_printf(&query, "%s%s%s%s", i > 0 ? " " : "", phrase ? "\"" : "", a->pos[i],
			      phrase ? "\"" : "");
	}
	struct nd_error err = { 0 };
	struct nd_search_hit *hits = NULL;
	size_t n = 0;
	char state_name[32];
	int rc = nd_cli_open(cli, 0, &err);
	if (rc == 0 && state_word &&
	    (rc = resolve_state(cli, state_word, state_name, sizeof state_name, &err)) == 0)
		o.state = state_name;
	if (rc == 0)
		rc = nd_search(cli->st, &cli->actor, nd_buf_str(&query), &o, &hits, &n, &err);
	if (rc < 0) {
		nd_buf_free(&query);
		return nd_cli_fail(&err);
	}
	/* the page is out before its total is counted (a doclist walk) */
	struct nd_buf out = ND_BUF_INIT;
	if (!json) {
		print_hits(&out, hits, n);
		fputs(nd_buf_str(&out), stdout);
		fflush(stdout);
		nd_buf_reset(&out);
	}
	if (o.total < 0 &&
	    nd_search_count(cli->st, &cli->actor, nd_buf_str(&query), &o, &err) < 0) {
		nd_buf_free(&out);
		nd_buf_free(&query);
		nd_search_hits_free(hits, n);
		return nd_cli_fail(&err);
	}
	if (json)
		print_json(&out, &o, hits, n);
	else
		print_total(&out, nd_buf_str(&query), &o, n);
	fputs(nd_buf_str(&out), stdout);
	nd_buf_free(&out);
	nd_buf_free(&query);
	nd_search_hits_free(hits, n);
	return ND_EXIT_OK;
}

int nd_cmd_reindex(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	if (a->npos != 0)
		return nd_cli_usage(cmd, _("reindex takes no arguments"));
	struct nd_error err = { 0 };
	int64_t indexed = 0;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_search_reindex(cli->st, &cli->actor, &indexed, &err) < 0)
		return nd_cli_fail(&err);
	printf(_("search index rebuilt: %lld items\n"), (long long)indexed);
	return ND_EXIT_OK;
}
