/* keys.c — the keymap: one table for dispatch and the help screen. Keys a
 * mutt, tig or vim user guesses right; workflow verbs carry their verb. */
#include "newsdesk/tui_app.h"

const struct tui_key tui_keys[] = {
	{ 'j', false, "j ↓", ACT_DOWN, NULL, N_("move down / scroll down") },
	{ KEY_DOWN, true, NULL, ACT_DOWN, NULL, NULL },
	{ 'k', false, "k ↑", ACT_UP, NULL, N_("move up / scroll up") },
	{ KEY_UP, true, NULL, ACT_UP, NULL, NULL },
	{ KEY_NPAGE, true, "PgDn Space", ACT_PAGE_DOWN, NULL, N_("page down") },
	{ ' ', false, NULL, ACT_PAGE_DOWN, NULL, NULL },
	{ KEY_PPAGE, true, "PgUp", ACT_PAGE_UP, NULL, N_("page up") },
	{ 'g', false, "g Home", ACT_TOP, NULL, N_("first item") },
	{ KEY_HOME, true, NULL, ACT_TOP, NULL, NULL },
	{ 'G', false, "G End", ACT_BOTTOM, NULL, N_("last item") },
	{ KEY_END, true, NULL, ACT_BOTTOM, NULL, NULL },
	{ '\n', false, "Enter", ACT_OPEN, NULL, N_("open the item pane") },
	{ '\r', false, NULL, ACT_OPEN, NULL, NULL },
	{ KEY_ENTER, true, NULL, ACT_OPEN, NULL, NULL },
	{ '\t', false, "Tab", ACT_SWITCH, NULL, N_("switch between the list and the item pane") },
	{ '/', false, "/", ACT_SEARCH, NULL, N_("search headlines and bodies") },
	{ 'n', false, "n", ACT_NEXT, NULL, N_("next search match") },
	{ 'N', false, "N", ACT_PREV, NULL, N_("previous search match") },
	{ 'f', false, "f", ACT_FILTER, NULL,
	  N_("filter: state:待编 section:… reporter:… issue:… (empty clears)") },
	{ 's', false, "s", ACT_SORT, NULL,
	  N_("sort: updated, id, filed, chars; after chars, reversed") },
	{ '+', false, "+", ACT_GROW, NULL, N_("grow the list pane") },
	{ '-', false, "-", ACT_SHRINK, NULL, N_("shrink the list pane") },
	{ 'z', false, "z", ACT_ZOOM, NULL, N_("zoom the focused pane") },
	{ 'e', false, "e", ACT_EDIT, NULL, N_("edit the item in the built-in editor") },
	{ 'E', false, "E", ACT_EXTERNAL, NULL, N_("edit the item in $EDITOR") },
	{ 'r', false, "r", ACT_REVIEW, NULL,
	  N_("review: what changed ([ ] pick revisions), proofreading, notes, sign-off") },
	{ 'p', false, "p", ACT_RUNDOWN, NULL,
	  N_("the rundown of an issue (J/K move an item, m to a page, F the flat plan)") },
	{ 'i', false, "i", ACT_ASSIGN, NULL,
	  N_("place the item in an issue: CODE PAGE [POSITION]") },
	{ 'D', false, "D", ACT_VERB, "finish", N_("mark edited (finish)") },
	{ 'a', false, "a", ACT_VERB, "approve", N_("sign off (签发)") },
	{ 'R', false, "R", ACT_VERB, "return", N_("return to the reporter, with a note") },
	{ 'S', false, "S", ACT_VERB, "spike", N_("spike, with a note") },
	{ 'U', false, "U", ACT_VERB, "restore", N_("restore a spiked item") },
	{ 'O', false, "O", ACT_VERB, "reopen", N_("reopen a signed-off item") },
	{ 'P', false, "P", ACT_VERB, "publish", N_("publish") },
	{ 'B', false, "B", ACT_VERB, "refile", N_("refile a returned item") },
	{ 'c', false, "c", ACT_NOTE, NULL, N_("add a review note") },
	{ ':', false, ":", ACT_COMMAND, NULL, N_("run any workflow verb by name") },
	{ '?', false, "?", ACT_HELP, NULL, N_("this help") },
	{ 'L' - '@', false, "Ctrl-L", ACT_REDRAW, NULL, N_("redraw the screen") },
	{ 'Z' - '@', false, "Ctrl-Z", ACT_SUSPEND, NULL,
	  N_("suspend the desk (the shell's fg brings it back)") },
	{ 'C' - '@', false, "Ctrl-C", ACT_INTERRUPT, NULL, N_("quit, after asking") },
	{ 'q', false, "q", ACT_QUIT, NULL, N_("back, or quit") },
};

const size_t tui_key_count = sizeof tui_keys / sizeof *tui_keys;

const struct tui_key *tui_key_find(int key, bool function)
{
	for (size_t i = 0; i < tui_key_count; i++)
		if (tui_keys[i].key == key && tui_keys[i].function == function)
			return &tui_keys[i];
	return NULL;
}
