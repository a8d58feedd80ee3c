/* cmd_review.c — diff and proof: what changed between revisions, and the
 * proofreading report. */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/json.h"
#include "newsdesk/lang.h"
#include "newsdesk/review.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Markers always; colour too on a terminal unless NO_COLOR. */
static void print_diff(const struct nd_diff *d, bool colour)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct nd_diff_span *s = &d->spans[i];
		if (s->op == ND_DIFF_DELETE) {
			fputs(colour ? "\033[31m[-" : "[-", stdout);
			nd_cli_put(stdout, s->text, ND_SAN_NEWLINES);
			fputs(colour ? "-]\033[0m" : "-]", stdout);
		} else if (s->op == ND_DIFF_INSERT) {
			fputs(colour ? "\033[32;4m{+" : "{+", stdout);
			nd_cli_put(stdout, s->text, ND_SAN_NEWLINES);
			fputs(colour ? "+}\033[0m" : "+}", stdout);
		} else {
			nd_cli_put(stdout, s->text, ND_SAN_NEWLINES);
		}
	}
}

int nd_cmd_diff(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	if (a->npos < 1 || a->npos > 3)
		return nd_cli_usage(cmd, _("diff takes an item ID and up to two revisions"));
	long long id = nd_cli_parse_id(a->pos[0]);
	long long ra = 0, rb = 0;
	if (!id)
		return nd_cli_usage(cmd, _("'%s' is not an item ID"), a->pos[0]);
	if ((a->npos > 1 && nd_cli_parse_number(a->pos[1], 1, INT_MAX, &ra) < 0) ||
	    (a->npos > 2 && nd_cli_parse_number(a->pos[2], 1, INT_MAX, &rb) < 0))
		return nd_cli_usage(cmd, _("revisions are numbers: 1, 2, …"));
	struct nd_error err = { 0 };
	struct nd_review r;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_review_load(cli->st, &cli->actor, id, (int)ra, (int)rb, &r, &err) < 0)
		return nd_cli_fail(&err);
	const char *no_color = getenv("NO_COLOR");
	bool colour = isatty(STDOUT_FILENO) && !(no_color && no_color[0]);
	char wa[32], wb[32];
	nd_cli_time(r.a.rev_created, wa, sizeof wa);
	nd_cli_time(r.b.rev_created, wb, sizeof wb);
	printf(_("#%1$lld revision %2$d (%3$s, %4$s) → %5$d (%6$s, %7$s)\n"), id, r.a.rev,
	       r.a.rev_author, wa, r.b.rev, r.b.rev_author, wb);
	for (int i = 0; i < ND_REVIEW_FIELDS; i++) {
		if (!r.fields[i].changed)
			continue;
		printf("%s: ", _(r.fields[i].name_en));
		print_diff(&r.fields[i].diff, colour);
		putchar('\n');
	}
	putchar('\n');
	if (r.coarse)
		puts(_("(the texts differ too much for a character diff; shown by paragraph)"));
	print_diff(&r.body, colour);
	putchar('\n');
	nd_review_free(&r);
	return ND_EXIT_OK;
}

/* The hits a person must judge one by one; each mechanical class that
 * clean-up fixes as one line with its count; then the rate over the rest. */
static void print_proof(const struct nd_proof_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct nd_proof_hit *h = &r->hits[i];
		if (h->check->fix)
			continue;
		printf("%-18s %s", h->check->id, nd_proof_field_label(h->field));
		if (h->paragraph)
			printf(" ¶%d", h->paragraph);
		printf(" @%ld  ", h->offset);
		nd_cli_put(stdout, h->detail, 0);
		printf("  ");
		nd_cli_put(stdout, h->excerpt, 0);
		putchar('\n');
	}
	for (size_t c = 0; c < nd_proof_check_count; c++) {
		const struct nd_proof_check *k = &nd_proof_checks[c];
		size_t n = nd_proof_count(r, k);
		if (!n)
			continue;
		if (k->fix) {
			printf("%-18s ", k->id);
			printf(_("%1$zu %2$s — ^K fixes them"), n,
			       ngettext(k->noun1_en, k->noun_en, n));
			putchar('\n');
		} else /* each check's explanation once, for the checks that fired */
			printf("%-18s %s\n", k->id, _(k->explain_en));
	}
	printf(ngettext("%1$zu warning · %2$ld 字 · %3$.1f / 10,000 (limit %4$.0f)\n",
			"%1$zu warnings · %2$ld 字 · %3$.1f / 10,000 (limit %4$.0f)\n", r->left),
	       r->left, r->chars, r->rate, r->limit);
}

int nd_cmd_proof(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_proof_args *a = args;
	int rev = (int)a->rev;
	bool json = strcmp(a->format, "json") == 0;
	long long id = a->npos == 1 ? nd_cli_parse_id(a->pos[0]) : 0;
	if (!id)
		return nd_cli_usage(cmd, _("proof takes one item ID"));
	struct nd_error err = { 0 };
	struct nd_proof_report r;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_proof_item(cli->st, &cli->actor, id, rev, &r, &err) < 0)
		return nd_cli_fail(&err);
	if (json) {
		struct nd_buf b = ND_BUF_INIT;
		nd_buf_printf(
		    &b,
		    "{\"id\":%lld,\"chars\":%ld,\"left\":%zu,\"rate\":%.2f,\"limit\":%.0f,"
		    "\"hits\":[",
		    id, r.chars, r.left, r.rate, r.limit);
		for (size_t i = 0; i < r.n; i++) {
			const struct nd_proof_hit *h = &r.hits[i];
			nd_buf_adds(&b, i ? ",\n {" : "\n {");
			nd_json_kv_str(&b, 1, "check", h->check->id);
			nd_json_kv_str(&b, 0, "explanation", h->check->explain_en);
			if (h->check->fix)
				nd_json_kv_str(&b, 0, "fix", h->check->fix);
			nd_json_kv_str(&b, 0, "field", h->field);
			nd_json_kv_int(&b, 0, "paragraph", h->paragraph);
			nd_json_kv_int(&b, 0, "offset", h->offset);
			nd_json_kv_str(&b, 0, "detail", h->detail);
			nd_json_kv_str(&b, 0, "excerpt", h->excerpt);
			nd_buf_addc(&b, '}');
		}
		nd_buf_adds(&b, "]}\n");
		fputs(nd_buf_str(&b), stdout);
		nd_buf_free(&b);
	} else {
		print_proof(&r);
	}
	nd_proof_free(&r);
	return ND_EXIT_OK;
}
