/* cmd_search.c — search and reindex. */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/json.h"
#include "newsdesk/search.h"
#include "newsdesk/width.h"
#include "newsdesk/workflow.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

int nd_cmd_search(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	struct nd_search_options o = { NULL, NULL, 20, false };
	const char *state_word = NULL;
	bool json = false;
	long long num;
	int c;
	/* options may follow the words (search 工会 --limit 5); a word that
	   starts with '-' goes after --, as with grep */
	struct nd_args a;
	int parse_rc;
	if (nd_cli_parse(cli, cmd, argc, argv, &a, &parse_rc))
		return parse_rc;
	for (int k = 0; k < a.n; k++) {
		const char *optarg = a.opt[k].value;
		c = (int)a.opt[k].key;
		switch (c) {
		case ND_O_STATE:
			state_word = optarg;
			break;
		case ND_O_ISSUE:
			o.issue = optarg;
			break;
		case ND_O_LIMIT:
			if (nd_cli_parse_number(optarg, 1, INT_MAX, &num) < 0)
				return nd_cli_usage(cmd, "--limit needs a positive number");
			o.limit = (int)num;
			break;
		case ND_O_FORMAT:
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "table") != 0)
				return nd_cli_usage(cmd, "unknown format '%s' (table or json)",
						    optarg);
			break;
		default:
			break;
		}
	}
	if (a.npos == 0)
		return nd_cli_usage(cmd, "search needs a query");
	struct nd_buf query = ND_BUF_INIT;
	for (int i = 0; i < a.npos; i++) {
		/* words that held blanks were quoted by the user: keep them a phrase */
		bool phrase = strchr(a.pos[i], ' ') != NULL;
		nd_buf_printf(&query, "%s%s%s%s", i > 0 ? " " : "", phrase ? "\"" : "", a.pos[i],
			      phrase ? "\"" : "");
	}
	struct nd_error err = { 0 };
	struct nd_search_hit *hits;
	size_t n;
	char state_name[32];
	int rc = nd_cli_open(cli, 0, &err);
	if (rc == 0 && state_word) {
		struct nd_workflow wf;
		if ((rc = nd_workflow_load(cli->st, &wf, &err)) == 0) {
			const struct nd_state *s = nd_workflow_find_state(&wf, state_word);
			if (s)
				snprintf(state_name, sizeof state_name, "%s", s->name);
			else
				rc = nd_fail(&err, ND_EINVAL, "unknown state '%s'", state_word);
			nd_workflow_free(&wf);
			o.state = state_name;
		}
	}
	if (rc == 0)
		rc = nd_search(cli->st, &cli->actor, nd_buf_str(&query), &o, cli->zh, &hits, &n,
			       &err);
	nd_buf_free(&query);
	if (rc < 0)
		return nd_cli_fail(&err);
	struct nd_buf out = ND_BUF_INIT;
	if (json) {
		nd_buf_addc(&out, '[');
		for (size_t i = 0; i < n; i++) {
			nd_buf_adds(&out, i ? ",\n {" : "\n {");
			nd_json_kv_int(&out, 1, "id", hits[i].id);
			nd_json_kv_str(&out, 0, "state", hits[i].state);
			nd_json_kv_str(&out, 0, "headline", hits[i].headline);
			nd_json_kv_int(&out, 0, "in_headline", hits[i].in_headline);
			nd_json_kv_str(&out, 0, "snippet", hits[i].snippet);
			nd_json_kv_int(&out, 0, "updated_at", hits[i].updated_at);
			nd_buf_addc(&out, '}');
		}
		nd_buf_adds(&out, "\n]\n");
	} else {
		int width = nd_cli_width(0);
		for (size_t i = 0; i < n; i++) {
			char id[24];
			snprintf(id, sizeof id, "#%lld", (long long)hits[i].id);
			nd_fit(&out, id, 7, true, ND_ALIGN_LEFT);
			nd_fit(&out, hits[i].state_label, 10, true, ND_ALIGN_LEFT);
			nd_fit(&out, hits[i].headline, width - 18 > 20 ? width - 18 : 20, false,
			       ND_ALIGN_LEFT);
			nd_buf_adds(&out, "\n       ");
			nd_fit(&out, hits[i].snippet ? hits[i].snippet : "",
			       width - 8 > 20 ? width - 8 : 20, false, ND_ALIGN_LEFT);
			nd_buf_addc(&out, '\n');
		}
		if (n == 0)
			nd_buf_adds(&out, cli->zh ? "没有找到\n" : "nothing found\n");
		if (o.windowed && n < (size_t)o.limit)
			nd_buf_printf(
			    &out,
			    cli->zh
				? "（一两个字的词只在最新的 %d 篇中查找；多加一个字可查找全部）\n"
				: "(one- and two-character words search the newest %d items; "
				  "add a third character to search them all)\n",
			    ND_SEARCH_SHORT_WINDOW);
	}
	fputs(nd_buf_str(&out), stdout);
	nd_buf_free(&out);
	nd_search_hits_free(hits, n);
	return ND_EXIT_OK;
}

int nd_cmd_reindex(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	struct nd_args a;
	int parse_rc;
	if (nd_cli_parse(cli, cmd, argc, argv, &a, &parse_rc))
		return parse_rc;
	argc = a.npos + 1; /* argv[1..argc) are the positional words now */
	if (argc != 1)
		return nd_cli_usage(cmd, "reindex takes no arguments");
	struct nd_error err = { 0 };
	int64_t indexed = 0;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_search_reindex(cli->st, &cli->actor, &indexed, &err) < 0)
		return nd_cli_fail(&err);
	printf("search index rebuilt: %lld items\n", (long long)indexed);
	return ND_EXIT_OK;
}
