/* chain.c — nd_chain(), the hash of every history record (chain.h). Built
 * twice, as bigram.c is: into newsdesk, and into the nd_bigram extension
 * for the sqlite3 shell, where the ledger's triggers need it too. */
#ifdef ND_BIGRAM_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#endif
#include "newsdesk/chain.h"
#include "newsdesk/sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Values are taken as text, so an integer stored where text was bound (or
 * the reverse) hashes the same. */
static void chain_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char head[] = "nd-chain-1\n";
	size_t len = sizeof head - 1;
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) != SQLITE_NULL)
			len += 16 + (size_t)sqlite3_value_bytes(argv[i]);
	char *b = malloc(len + argc + 1);
	if (!b) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	size_t at = sizeof head - 1;
	memcpy(b, head, at);
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			b[at++] = 'N';
			continue;
		}
		const unsigned char *t = sqlite3_value_text(argv[i]);
		int n = sqlite3_value_bytes(argv[i]);
		at += (size_t)snprintf(b + at, 16, "T%d:", n);
		if (n > 0)
			memcpy(b + at, t, (size_t)n);
		at += (size_t)n;
	}
	char hex[65];
	nd_sha256_hex(b, at, hex);
	free(b);
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

int nd_chain_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "nd_chain", -1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       chain_fn, NULL, NULL);
}
