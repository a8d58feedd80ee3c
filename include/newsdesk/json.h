/* json.h — writing JSON: strings escaped so any stored text (controls,
 * escapes, invalid bytes) comes out as valid, inert JSON. */
#ifndef NEWSDESK_JSON_H
#define NEWSDESK_JSON_H

#include "newsdesk/buf.h"

#include <stdint.h>

/* Appends s as a JSON string literal, or null when s is NULL. */
int nd_json_str(struct nd_buf *b, const char *s);
/* Appends "key": value pairs, with a leading comma unless first. */
int nd_json_kv_str(struct nd_buf *b, int first, const char *key, const char *value);
int nd_json_kv_int(struct nd_buf *b, int first, const char *key, int64_t value);

#endif
