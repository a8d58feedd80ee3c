/* main.c — newsdesk: a newsroom desk in the terminal. */
#include "newsdesk/cli.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

int main(int argc, char **argv)
{
	/* Width and character classes come from the locale; newsdesk speaks
	 * UTF-8 whatever the client sent, so fall back to C.UTF-8. */
	if (!setlocale(LC_ALL, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	return nd_cli_main(argc, argv);
}
