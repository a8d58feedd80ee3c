/* sha256.h — SHA-256 (FIPS 180-4), for checking that a story arrived whole
 * over SSH (file --sha256) and for the history's chained hashes. */
#ifndef NEWSDESK_SHA256_H
#define NEWSDESK_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Writes the 64 lower-case hex digits and a NUL into hex. */
void nd_sha256_hex(const void *data, size_t n, char hex[65]);

/* The same over pieces fed one after the other (no copy of the whole). */
struct nd_sha256 {
	uint32_t h[8];
	unsigned char buf[64];
	size_t held; /* bytes in buf */
	uint64_t total; /* bytes fed */
};
void nd_sha256_init(struct nd_sha256 *s);
void nd_sha256_update(struct nd_sha256 *s, const void *data, size_t n);
void nd_sha256_final_hex(struct nd_sha256 *s, char hex[65]);

/* Where the CPU has the SHA extensions (x86's SHA-NI) they compress the
 * blocks; true forces the portable code instead (the unit test compares
 * both). Returns whether the SHA extensions are in use after the call. */
bool nd_sha256_portable(bool force);

#endif
