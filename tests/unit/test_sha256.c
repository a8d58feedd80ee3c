/* test_sha256.c — SHA-256 against FIPS 180-4's examples, by the portable
 * code and by the CPU's SHA extensions where this machine has them, the
 * two against each other at every length up to 200 bytes, and fed in
 * pieces against fed whole. */
#include "newsdesk/sha256.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name, *text, *hex;
} vectors[] = {
	{ "empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "448 bits", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "896 bits",
	  "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
	  "lmnopqrsmnopqrstnopqrstu",
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
};

static void nist(const char *engine)
{
	char hex[65], name[96];
	for (size_t i = 0; i < sizeof vectors / sizeof *vectors; i++) {
		nd_sha256_hex(vectors[i].text, strlen(vectors[i].text), hex);
		snprintf(name, sizeof name, "%s: %s", engine, vectors[i].name);
		is_str(hex, vectors[i].hex, name);
	}
	static char million[1000000];
	memset(million, 'a', sizeof million);
	nd_sha256_hex(million, sizeof million, hex);
	snprintf(name, sizeof name, "%s: a million 'a'", engine);
	is_str(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", name);
	/* the same million fed in uneven pieces */
	struct nd_sha256 s;
	nd_sha256_init(&s);
	for (size_t at = 0, step = 1; at < sizeof million; at += step, step = step % 97 + 1)
		nd_sha256_update(&s, million + at,
				 at + step <= sizeof million ? step : sizeof million - at);
	nd_sha256_final_hex(&s, hex);
	snprintf(name, sizeof name, "%s: a million 'a' in pieces of 1 to 97 bytes", engine);
	is_str(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", name);
}

int main(void)
{
	unsigned char bytes[200];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof bytes; i++)
		bytes[i] = (unsigned char)((x = x * 1103515245 + 12345) >> 16);

	bool fast = nd_sha256_portable(false);
	printf("# the SHA extensions are %s\n", fast ? "in use" : "not on this CPU");
	if (fast)
		nist("SHA extensions");
	char with[201][65];
	for (size_t n = 0; n <= 200; n++)
		nd_sha256_hex(bytes, n, with[n]);

	ok(!nd_sha256_portable(true), "the portable code can be forced");
	nist("portable");
	int differ = 0;
	for (size_t n = 0; n <= 200; n++) {
		char hex[65];
		nd_sha256_hex(bytes, n, hex);
		differ += strcmp(hex, with[n]) != 0;
		struct nd_sha256 s; /* in two pieces, cut at n / 3 */
		nd_sha256_init(&s);
		nd_sha256_update(&s, bytes, n / 3);
		nd_sha256_update(&s, bytes + n / 3, n - n / 3);
		nd_sha256_final_hex(&s, hex);
		differ += strcmp(hex, with[n]) != 0;
	}
	is_int(differ, 0, "every length 0..200: both engines, whole and in pieces, agree");
	nd_sha256_portable(false);
	return tap_done();
}
