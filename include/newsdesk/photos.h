/* photos.h — an item's pictures (schema: photos): each picture's bytes
 * stored once by SHA-256, the item's ordered list a chained, append-only
 * log. Editors change any item's photos; a reporter their own item's while
 * it is just filed (the workflow's initial state) or returned to them. */
#ifndef NEWSDESK_PHOTOS_H
#define NEWSDESK_PHOTOS_H

#include "newsdesk/check.h"
#include "newsdesk/error.h"
#include "newsdesk/photo.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A name or caption longer than these is refused. */
#define ND_PHOTO_MAX_NAME 120 /* bytes */
#define ND_PHOTO_MAX_CAPTION 600 /* characters */

struct nd_photo {
	int n; /* its place in the item's order, from 1 */
	int slot; /* its own number in the item, from its attaching */
	char *name, *caption; /* as stored: sanitise before showing */
	char sha256[65];
	enum nd_photo_format format;
	int64_t size;
	int width, height;
	char *exif_date, *exif_camera, *exif_caption; /* sanitised when read */
	char *actor; /* who attached it */
	int64_t at;
};

struct nd_photo_limits {
	int64_t photo_bytes; /* one photo */
	int64_t item_bytes; /* an item's photos together */
	int64_t item_count; /* photos on an item */
};

struct nd_attach_result {
	int n; /* the photo's place in the item */
	bool duplicate; /* the item already has these bytes: nothing new */
	bool stored; /* the bytes were new to the store (else shared) */
	struct nd_photo_info info;
};

/* The publication's limits (meta: photo_max_bytes, item_photo_max_bytes,
 * item_photo_max_count). */
int nd_photo_limits(struct nd_store *st, struct nd_photo_limits *lim, struct nd_error *err);

/* Validates bytes (photo.c) and attaches them to item id as its last photo,
 * in one transaction. The same bytes already on the item: res->duplicate,
 * nothing written (a retried upload). */
int nd_photo_attach(struct nd_store *st, const struct nd_actor *actor, int64_t id, const char *name,
		    const char *caption, const void *bytes, size_t n, struct nd_attach_result *res,
		    struct nd_error *err);

/* A photo validated (outside any transaction: validation is the cost) for
 * attaching inside a caller's transaction, as a Word document's pictures
 * are attached with the item they come in. */
struct nd_photo_prepared {
	const char *name;
	char *caption; /* cleaned */
	const void *bytes;
	size_t n;
	char hex[65];
	struct nd_photo_info info;
};
int nd_photo_prepare(struct nd_store *st, const char *name, const char *caption, const void *bytes,
		     size_t n, struct nd_photo_prepared *p, struct nd_error *err);
void nd_photo_prepared_free(struct nd_photo_prepared *p);
int nd_photo_attach_prepared(struct nd_store *st, const struct nd_actor *actor, int64_t id,
			     const struct nd_photo_prepared *p, struct nd_attach_result *res,
			     struct nd_error *err);

/* The item's photos, in order (reading the item needs to be allowed). */
int nd_photo_list(struct nd_store *st, const struct nd_actor *actor, int64_t id,
		  struct nd_photo **photos, size_t *n, struct nd_error *err);
void nd_photos_free(struct nd_photo *photos, size_t n);
void nd_photo_free(struct nd_photo *photo);
/* How many photos item id has now (no reading check: a count). */
int nd_photo_count(struct nd_store *st, int64_t id, int *count, struct nd_error *err);

/* Photo n (from 1) of item id: its description and its bytes (malloc'd),
 * checked against the digest they are stored under; nd_photo_free(photo)
 * and free(*bytes) after. */
int nd_photo_get(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		 struct nd_photo *photo, void **bytes, size_t *len, struct nd_error *err);

/* A new caption for photo n; taking photo n off the item; moving it to
 * place to. Each appends to the item's photo log. */
int nd_photo_caption(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		     const char *caption, struct nd_error *err);
int nd_photo_detach(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n,
		    struct nd_error *err);
int nd_photo_move(struct nd_store *st, const struct nd_actor *actor, int64_t id, int n, int to,
		  struct nd_error *err);

/* For newsdesk check: each item's photo log against its chain and head,
 * each blob against its SHA-256. */
int nd_photos_check(struct nd_check *c, struct nd_error *err);

#endif
