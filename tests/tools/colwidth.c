/* colwidth.c — prints the display width (wcwidth) of each line of stdin,
 * so shell tests can check that table rows line up. With an argument S,
 * prints instead the display column at which S starts on each line (or -1). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int width(const char *s, size_t n)
{
	mbstate_t ps = { 0 };
	int cols = 0;
	size_t i = 0;
	while (i < n) {
		wchar_t wc;
		size_t len = mbrtowc(&wc, s + i, n - i, &ps);
		if (len == (size_t)-1 || len == (size_t)-2) {
			memset(&ps, 0, sizeof ps);
			cols++;
			i++;
			continue;
		}
		if (len == 0)
			len = 1;
		int w = wcwidth(wc);
		cols += w < 0 ? 1 : w;
		i += len;
	}
	return cols;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	char line[65536];
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = '\0';
		if (argc > 1) {
			char *at = strstr(line, argv[1]);
			printf("%d\n", at ? width(line, (size_t)(at - line)) : -1);
		} else {
			printf("%d\n", width(line, strlen(line)));
		}
	}
	return 0;
}
