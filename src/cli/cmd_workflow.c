/* cmd_workflow.c — the workflow verbs (looked up in the database), the
 * log, notes, editing and unlocking. */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/edit.h"
#include "newsdesk/external.h"
#include "newsdesk/filing.h"
#include "newsdesk/items.h"
#include "newsdesk/journal.h"
#include "newsdesk/lang.h"
#include "newsdesk/width.h"
#include "newsdesk/workflow.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int nd_cli_apply_verb(struct nd_cli *cli, const struct nd_command *cmd, const char *verb,
		      const char *id_word, const char *note)
{
	long long id = nd_cli_parse_id(id_word);
	if (!id)
		return nd_cli_usage(cmd, _("'%s' is not an item ID"), id_word);
	struct nd_error err = { 0 };
	struct nd_transition_result res;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_workflow_apply(cli->st, &cli->actor, id, verb, note, &res, &err) < 0)
		return nd_cli_fail(&err);
	printf("#%lld %s → %s\n", id, res.from, res.to);
	return ND_EXIT_OK;
}

/* One verb on one item: the body of every verb's command. */
static int verb_run(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_verb_args *a = args;
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("%s takes one item ID"), cmd->name);
	return nd_cli_apply_verb(cli, cmd, cmd->name, a->pos[0], a->note);
}

int nd_cmd_verb(struct nd_cli *cli, const struct nd_command *verb_cmd, int argc, char **argv)
{
	const char *verb = argv[0];
	struct nd_error err = { 0 };
	struct nd_workflow wf;
	if (nd_cli_open(cli, 0, &err) < 0 || nd_workflow_load(cli->st, &wf, &err) < 0)
		return nd_cli_fail(&err);
	bool known = nd_workflow_has_verb(&wf, verb);
	const struct nd_transition *t = NULL;
	for (size_t i = 0; known && i < wf.n_transitions && !t; i++)
		if (strcmp(wf.transitions[i].verb, verb) == 0)
			t = &wf.transitions[i];
	char summary[160] = "";
	if (t)
		snprintf(summary, sizeof summary, "%s (%s)", t->label_en, t->label_zh);
	nd_workflow_free(&wf);
	if (!known) {
		char *clean = nd_sanitized(verb, 0);
		fprintf(stderr,
			_("newsdesk: unknown command '%s'; see 'newsdesk --help' and "
			  "'newsdesk workflow'\n"),
			clean ? clean : "?");
		free(clean);
		return ND_EXIT_USAGE;
	}
	/* the table's entry for every verb, named and described as this one */
	struct nd_command cmd = *verb_cmd;
	cmd.name = verb;
	cmd.summary = summary;
	cmd.run = verb_run;
	cmd.run_words = NULL;
	return nd_cli_run(cli, &cmd, argc, argv);
}

int nd_cmd_workflow(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	if (a->npos > 0)
		return nd_cli_usage(cmd, _("workflow takes no arguments"));
	struct nd_error err = { 0 };
	struct nd_workflow wf;
	if (nd_cli_open(cli, 0, &err) < 0 || nd_workflow_load(cli->st, &wf, &err) < 0)
		return nd_cli_fail(&err);
	/* Under Chinese the states and roles by their labels (the verbs are
	 * what a person types: newsdesk finish 1); in English the names. */
	bool zh = nd_lang_is_zh();
	struct nd_buf b = ND_BUF_INIT;
	puts(_("States:"));
	for (size_t i = 0; i < wf.n_states; i++) {
		const struct nd_state *s = &wf.states[i];
		nd_buf_reset(&b);
		nd_fit(&b, zh ? s->label_zh : s->name, 10, !zh || !s->editable, ND_ALIGN_LEFT);
		printf("  %s", nd_buf_str(&b));
		if (!zh) {
			putchar(' ');
			nd_cli_put(stdout, s->label_zh, 0);
			printf(" / ");
			nd_cli_put(stdout, s->label_en, 0);
		}
		printf("%s\n", s->editable ? "" : _("  (not editable)"));
	}
	puts(_("\nVerbs:"));
	for (size_t i = 0; i < wf.n_transitions; i++) {
		const struct nd_transition *t = &wf.transitions[i];
		const struct nd_state *from = nd_workflow_state(&wf, t->from_state);
		const struct nd_state *to =
		    t->to_state ? nd_workflow_state(&wf, t->to_state) : NULL;
		nd_buf_reset(&b);
		nd_buf_printf(&b, "  %-8s ", t->verb);
		nd_fit(&b, zh && from ? from->label_zh : t->from_state, 10, true, ND_ALIGN_LEFT);
		nd_buf_adds(&b, " → ");
		nd_fit(&b,
		       !t->to_state ? _("(previous)")
		       : zh && to   ? to->label_zh
				    : t->to_state,
		       10, true, ND_ALIGN_LEFT);
		nd_buf_adds(&b, " ");
		nd_fit(&b, t->min_role_label ? t->min_role_label : t->min_role, 8, true,
		       ND_ALIGN_LEFT);
		if (t->note_required)
			nd_buf_printf(&b, " %s", _("note required"));
		if (t->own_only)
			nd_buf_printf(&b, " %s", _("own items only"));
		nd_buf_adds(&b, "  ");
		fputs(nd_buf_str(&b), stdout);
		nd_cli_put(stdout, zh ? t->label_zh : t->label_en, 0);
		putchar('\n');
	}
	nd_buf_free(&b);
	nd_workflow_free(&wf);
	return ND_EXIT_OK;
}

int nd_cmd_log(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	long long id = a->npos == 1 ? nd_cli_parse_id(a->pos[0]) : 0;
	if (!id)
		return nd_cli_usage(cmd, _("log takes one item ID"));
	struct nd_error err = { 0 };
	struct nd_event *ev;
	struct nd_note *notes;
	size_t n, nn;
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_events_list(cli->st, &cli->actor, id, &ev, &n, &err) < 0)
		return nd_cli_fail(&err);
	if (nd_notes_list(cli->st, &cli->actor, id, &notes, &nn, &err) < 0) {
		nd_events_free(ev, n);
		return nd_cli_fail(&err);
	}
	for (size_t i = 0; i < n; i++) {
		char when[32];
		nd_cli_time(ev[i].at, when, sizeof when);
		/* the verb by its label, padded by display width */
		struct nd_buf verb = ND_BUF_INIT;
		nd_fit(&verb, ev[i].verb_label, 9, true, ND_ALIGN_LEFT);
		printf("%s  %-12s %s ", when, ev[i].actor, nd_buf_str(&verb));
		nd_buf_free(&verb);
		if (ev[i].from_state && ev[i].to_state && strcmp(ev[i].from_state, ev[i].to_state))
			printf("%s → %s", ev[i].from_state, ev[i].to_state);
		else if (ev[i].to_state)
			printf("%s", ev[i].to_state);
		if (ev[i].rev)
			printf(_("  rev %d"), ev[i].rev);
		if (ev[i].note && ev[i].system) {
			printf("  ");
			nd_cli_put(stdout, ev[i].note, 0);
		} else if (ev[i].note) {
			printf("  “");
			nd_cli_put(stdout, ev[i].note, 0);
			printf("”");
		}
		putchar('\n');
	}
	if (nn)
		printf("\n%s\n", _("Notes:"));
	for (size_t i = 0; i < nn; i++) {
		char when[32];
		nd_cli_time(notes[i].at, when, sizeof when);
		printf("%s  %s", when, notes[i].author);
		if (notes[i].author_name) {
			printf(" (");
			nd_cli_put(stdout, notes[i].author_name, 0);
			printf(")");
		}
		printf(_(" rev %d: "), notes[i].rev);
		nd_cli_put(stdout, notes[i].body, 0);
		putchar('\n');
	}
	nd_events_free(ev, n);
	nd_notes_free(notes, nn);
	return ND_EXIT_OK;
}

int nd_cmd_note(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	if (a->npos < 2)
		return nd_cli_usage(cmd, _("note takes an item ID and the note's text"));
	long long id = nd_cli_parse_id(a->pos[0]);
	if (!id)
		return nd_cli_usage(cmd, _("'%s' is not an item ID"), a->pos[0]);
	struct nd_buf text = ND_BUF_INIT;
	for (int i = 1; i < a->npos; i++)
		nd_buf_printf(&text, "%s%s", i > 1 ? " " : "", a->pos[i]);
	struct nd_error err = { 0 };
	int64_t note_id;
	int rc = nd_cli_open(cli, 0, &err);
	if (rc == 0)
		rc = nd_note_add(cli->st, &cli->actor, id, nd_buf_str(&text), &note_id, &err);
	nd_buf_free(&text);
	if (rc < 0)
		return nd_cli_fail(&err);
	printf(_("noted on #%lld\n"), id);
	return ND_EXIT_OK;
}

int nd_cmd_unlock(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	long long id = a->npos == 1 ? nd_cli_parse_id(a->pos[0]) : 0;
	if (!id)
		return nd_cli_usage(cmd, _("unlock takes one item ID"));
	struct nd_error err = { 0 };
	char holder[72];
	if (nd_cli_open(cli, 0, &err) < 0 ||
	    nd_lock_break(cli->st, &cli->actor, id, holder, sizeof holder, &err) < 0)
		return nd_cli_fail(&err);
	printf(_("#%1$lld unlocked (was held by %2$s)\n"), id, holder);
	return ND_EXIT_OK;
}

/* ---- edit --------------------------------------------------------------- */

int nd_cmd_edit(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_edit_args *a = args;
	const char *from = a->from;
	unsigned flags = a->keep_state ? ND_SAVE_KEEP_STATE : 0;
	if (a->npos != 1)
		return nd_cli_usage(cmd, _("edit takes one item ID"));
	long long id = nd_cli_parse_id(a->pos[0]);
	if (!id)
		return nd_cli_usage(cmd, _("'%s' is not an item ID"), a->pos[0]);

	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	int rc, rev = 0;
	bool unchanged = false, moved = false;
	if (from) {
		struct nd_buf text = ND_BUF_INIT;
		struct nd_save_result res = { 0 };
		rc = nd_read_file(from, &text, &err);
		if (rc == 0)
			rc = nd_save_text(cli->st, &cli->actor, id, nd_buf_str(&text), text.len,
					  flags, &res, &err);
		nd_buf_free(&text);
		rev = res.rev;
		unchanged = res.unchanged;
		moved = res.moved;
	} else {
		struct nd_external_result res;
		int offered = nd_cli_offer_draft(cli, id, &flags);
		if (offered >= 0)
			return offered;
		rc = nd_external_edit(cli->st, &cli->actor, id, flags, &res, &err);
		if (res.took_over[0])
			fprintf(stderr, _("newsdesk: took over %1$s's expired lock on #%2$lld\n"),
				res.took_over, id);
		if (rc < 0 && res.kept[0])
			nd_error_prefix(
			    &err,
			    _("your text is kept as a draft in %1$s ('newsdesk edit %2$lld' "
			      "offers it): "),
			    res.kept, id);
		rev = res.rev;
		unchanged = res.unchanged;
		moved = res.moved;
	}
	if (rc < 0)
		return nd_cli_fail(&err);
	if (unchanged)
		printf(_("#%lld unchanged\n"), id);
	else
		printf(_("#%1$lld saved as revision %2$d%3$s\n"), id, rev,
		       moved ? _(" (a correction: back to be signed off)") : "");
	return ND_EXIT_OK;
}
