/* test_csv.c — CSV cells: RFC 4180 quoting and formula injection
 * neutralised (OWASP's rule: a leading '). */
#include "newsdesk/csv.h"
#include "tap.h"

static void cell(const char *in, const char *want, const char *name)
{
	struct nd_buf b = ND_BUF_INIT;
	nd_csv_cell(&b, in, true);
	is_str(nd_buf_str(&b), want, name);
	nd_buf_free(&b);
}

int main(void)
{
	cell("职工书屋", "职工书屋\r\n", "plain text as is");
	cell(NULL, "\r\n", "NULL is empty");
	cell("a,b", "\"a,b\"\r\n", "a comma is quoted");
	cell("say \"hi\"", "\"say \"\"hi\"\"\"\r\n", "quotes are doubled");
	cell("=HYPERLINK(\"http://x\",\"点我\")",
	     "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"\r\n", "= is neutralised (and quoted)");
	cell("=1+2", "'=1+2\r\n", "=1+2 becomes text");
	cell("+1", "'+1\r\n", "+");
	cell("-2+3", "'-2+3\r\n", "-");
	cell("@SUM(A1)", "'@SUM(A1)\r\n", "@");
	cell("\t=1", "'\t=1\r\n", "a leading tab");
	cell("\r=1", "\"'\r=1\"\r\n", "a leading CR (quoted too)");
	cell("a=1", "a=1\r\n", "= inside a cell is harmless");
	struct nd_buf b = ND_BUF_INIT;
	nd_csv_cell(&b, "x", false);
	is_str(nd_buf_str(&b), "x,", "a cell that is not last ends with a comma");
	nd_buf_free(&b);
	return tap_done();
}
