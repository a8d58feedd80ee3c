/* meta.h — the publication's settings (the meta table). */
#ifndef NEWSDESK_META_H
#define NEWSDESK_META_H

#include "newsdesk/error.h"
#include "newsdesk/store.h"

#include <stddef.h>

/* Copies the value of key into out (empty when absent). */
int nd_meta_get(struct nd_store *st, const char *key, char *out, size_t size, struct nd_error *err);
int nd_meta_set(struct nd_store *st, const char *key, const char *value, struct nd_error *err);

#endif
