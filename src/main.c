/* main.c — newsdesk: a newsroom desk in the terminal. */
#include "newsdesk/cli.h"

#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	/* Width and character classes come from the locale; newsdesk speaks
	 * UTF-8 whatever the client sent, so fall back to C.UTF-8. */
	if (!setlocale(LC_ALL, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* One translation domain for the desk and the command line; tests
	 * point NEWSDESK_LOCALEDIR at the build's catalogues. */
	const char *dir = getenv("NEWSDESK_LOCALEDIR");
	bindtextdomain("newsdesk", dir && dir[0] ? dir : ND_LOCALEDIR);
	bind_textdomain_codeset("newsdesk", "UTF-8");
	textdomain("newsdesk");
	return nd_cli_main(argc, argv);
}
