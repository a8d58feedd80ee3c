/* main.c — newsdesk: a newsroom desk in the terminal. */
#include "newsdesk/cli.h"
#include "newsdesk/termcode.h"

#include <libintl.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	/* The locale, and with it the terminal's charset: UTF-8, or one that
	 * stdout and stderr convert to (zh_CN.GB18030); text inside stays
	 * UTF-8 either way. */
	nd_term_init();
	nd_term_argv(argc, argv);
	/* One translation domain for the desk and the command line; tests
	 * point NEWSDESK_LOCALEDIR at the build's catalogues. */
	const char *dir = getenv("NEWSDESK_LOCALEDIR");
	bindtextdomain("newsdesk", dir && dir[0] ? dir : ND_LOCALEDIR);
	bind_textdomain_codeset("newsdesk", "UTF-8");
	/* strerror and strsignal are translated too: UTF-8 inside, like ours,
	 * or under zh_CN.GB18030 they would be converted twice */
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain("newsdesk");
	return nd_cli_main(argc, argv);
}
