/* cmd_search.c — search and reindex. */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/json.h"
#include "newsdesk/search.h"
#include "newsdesk/width.h"
#include "newsdesk/workflow.h"

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

int nd_cmd_search(struct nd_cli *cli, const struct nd_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "state", required_argument, NULL, 's' },
		{ "issue", required_argument, NULL, 'i' },
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct nd_search_options o = { NULL, NULL, 20, false };
	const char *state_word = NULL;
	bool json = false;
	long long num;
	int c;
	/* options may follow the words (search 工会 --limit 5); a word that
	   starts with '-' goes after --, as with grep */
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 's':
			state_word = optarg;
			break;
		case 'i':
			o.issue = optarg;
			break;
		case 'l':
			if (nd_cli_parse_number(optarg, 1, INT_MAX, &num) < 0)
				return nd_cli_usage(cmd, "--limit needs a positive number");
			o.limit = (int)num;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "table") != 0)
				return nd_cli_usage(cmd, "unknown format '%s' (table or json)",
						    optarg);
			break;
		case 'h':
			nd_cli_print_usage(stdout, cmd);
			return ND_EXIT_OK;
		default:
			return nd_cli_usage(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return nd_cli_usage(cmd, "search needs a query");
	struct nd_buf query = ND_BUF_INIT;
	for (int i = optind; i < argc; i++) {
		/* words that held blanks were quoted by the user: keep them a phrase */
		bool phrase = strchr(argv[i], ' ') != NULL;
		nd_buf_printf(&query, "%s%s%s%s", i > optind ? " " : "", phrase ? "\"" : "",
			      argv[i], phrase ? "\"" : "");
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
	(void)argv;
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
