/* start.c — the desk from the command line to its end: the terminal set
 * up, the first panes opened through the registry (each pane's start: the
 * list; an imported page's review for import --interactive), the user's
 * key bindings read and the main loop (app.c); on a signal every pane
 * keeps what it must before the terminal is let go. */
#include "newsdesk/lang.h"
#include "newsdesk/termcode.h"
#include "newsdesk/tui_app.h"
#include "newsdesk/tui_editor.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int tui_init(struct tui *t, struct nd_store *st, const struct nd_actor *actor, struct nd_error *err)
{
	memset(t, 0, sizeof *t);
	t->st = st;
	t->actor = actor;
	t->changes = nd_store_changes(st);
	if (nd_workflow_load(st, &t->wf, err) < 0) {
		tui_done(t);
		return err->code;
	}
	return 0;
}

/* The user's key bindings; a bad line is a message (all of them in
 * :messages) and the desk starts all the same. */
static void bindings_start(struct tui *t, const char *path)
{
	struct nd_buf errors = ND_BUF_INIT;
	tui_bindings_clear();
	int bad = tui_bindings_load(path, &errors);
	const char *s = nd_buf_str(&errors);
	for (const char *p = s; *p;) {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);
		tui_message(t, true, "%.*s", len, p);
		p += len + (nl ? 1 : 0);
	}
	if (bad > 1)
		tui_message(t, true,
			    ngettext("%d bad line in the key bindings (M shows them all)",
				     "%d bad lines in the key bindings (M shows them all)",
				     (unsigned long)bad),
			    bad);
	nd_buf_free(&errors);
}

int nd_tui_run(struct nd_store *st, const struct nd_actor *actor, const struct nd_tui_options *opt,
	       struct nd_error *err)
{
	if (nd_term_kind() == ND_TERM_NARROW)
		return nd_fail(
		    err, ND_EINVAL,
		    _("the terminal's locale %1$s writes %2$s, which cannot show Chinese; "
		      "open the desk under a UTF-8 or GB18030 locale, e.g. "
		      "LC_ALL=zh_CN.UTF-8 newsdesk"),
		    nd_term_locale(), nd_term_charset());
	struct tui t;
	if (tui_init(&t, st, actor, err) < 0)
		return err->code;
	/* curses writes the terminal's own charset itself (tui_put): it gets
	 * the stdout that converts nothing */
	SCREEN *screen = newterm(NULL, nd_term_raw_stdout(), stdin);
	if (!screen) {
		nd_workflow_free(&t.wf);
		return nd_fail(err, ND_EIO, _("cannot start the terminal interface (TERM=%s)"),
			       getenv("TERM") ? getenv("TERM") : "");
	}
	/* Raw in every pane: Ctrl-S, Ctrl-Q, Ctrl-C and Ctrl-Z reach us as
	 * keys (no flow control freezing the screen, no signals). */
	raw();
	noecho();
	keypad(stdscr, TRUE);
	idcok(stdscr, TRUE); /* insert/delete-character for a row that moved (wire.c) */
	tui_keys_init();
	set_escdelay(25);
	curs_set(0);
	timeout(500); /* how often another process's commits are noticed */
	tui_signals_install();
	tui_setup_colors(&t);
	t.split = (tui_available() * 45) / 100;
	t.data_version = nd_store_data_version(st);
	if (opt && opt->note)
		tui_message(&t, false, "%s", opt->note);
	bool started = tui_panes_start(&t, opt);
	bindings_start(&t, opt ? opt->keys_file : NULL);
	tui_notices_show(&t);
	int hangup = started ? tui_loop(&t, opt) : 0;
	for (int i = t.depth - 1; hangup && i >= 0; i--)
		if (t.stack[i].ops->hangup) /* the draft first, then the terminal */
			t.stack[i].ops->hangup(&t, t.stack[i].data);
	while (t.depth > 1)
		tui_pane_pop(&t);
	endwin();
	delscreen(screen);
	tui_signals_restore();
	tui_done(&t);
	if (!started)
		return nd_fail(err, ND_ENOMEM, "%s", _("out of memory"));
	if (hangup)
		return nd_fail(
		    err, ND_EINVAL,
		    _("the desk ended on signal %1$d (%2$s); unsaved text is kept as a draft "
		      "('newsdesk drafts'), offered when the item is opened again"),
		    hangup, strsignal(hangup));
	return 0;
}
