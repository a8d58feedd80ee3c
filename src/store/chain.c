/* chain.c — nd_chain(), the hash of every history record (chain.h). Built
 * twice, as bigram.c is: into newsdesk, and into the nd_bigram extension
 * for the sqlite3 shell, where the ledger's triggers need it too. */
#ifdef ND_BIGRAM_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#endif
#include "newsdesk/chain.h"
#include "newsdesk/sha256.h"

#include <string.h>

/* "T<bytes>:" into out (at most 14 characters), as printf would. */
static size_t length_tag(char *out, int n)
{
	char digits[12];
	size_t d = 0, at = 0;
	unsigned v = n > 0 ? (unsigned)n : 0;
	do
		digits[d++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	out[at++] = 'T';
	while (d)
		out[at++] = digits[--d];
	out[at++] = ':';
	return at;
}

/* Values are taken as text, so an integer stored where text was bound (or
 * the reverse) hashes the same. The hash is fed value by value: no copy
 * of the record (check --full hashes every record of the history). */
static void chain_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char head[] = "nd-chain-1\n";
	struct nd_sha256 s;
	nd_sha256_init(&s);
	nd_sha256_update(&s, head, sizeof head - 1);
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			nd_sha256_update(&s, "N", 1);
			continue;
		}
		const unsigned char *t = sqlite3_value_text(argv[i]);
		int n = sqlite3_value_bytes(argv[i]);
		char tag[16];
		nd_sha256_update(&s, tag, length_tag(tag, n));
		if (n > 0)
			nd_sha256_update(&s, t, (size_t)n);
	}
	char hex[65];
	nd_sha256_final_hex(&s, hex);
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

int nd_chain_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "nd_chain", -1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       chain_fn, NULL, NULL);
}
