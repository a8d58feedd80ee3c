/* sha256.h — SHA-256 (FIPS 180-4), for checking that a story arrived whole
 * over SSH (file --sha256). */
#ifndef NEWSDESK_SHA256_H
#define NEWSDESK_SHA256_H

#include <stddef.h>

/* Writes the 64 lower-case hex digits and a NUL into hex. */
void nd_sha256_hex(const void *data, size_t n, char hex[65]);

#endif
