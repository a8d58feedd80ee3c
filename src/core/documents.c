/* documents.c — a Word document filed in one transaction (documents.h):
 * every picture validated first, outside it (validation is the cost), then
 * the item, its kept original and its photos inside it. */
#include "newsdesk/documents.h"
#include "newsdesk/lang.h"
#include "newsdesk/original.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* JPEG, PNG and WebP by their signatures: the formats photos are taken in. */
static bool photo_format(const unsigned char *b, size_t n)
{
	return (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) ||
	       (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) ||
	       (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0);
}

static void note_skipped(struct nd_document_result *res, const char *name)
{
	size_t len = strlen(res->skipped);
	if (len + strlen(name) + 2 < sizeof res->skipped)
		snprintf(res->skipped + len, sizeof res->skipped - len, "%s%s", len ? " " : "", name);
	res->nskipped++;
}

/* Validates the pictures; prep[k] for the k-th taken. */
static int prepare_all(struct nd_store *st, const struct nd_docx *d, struct nd_photo_prepared *prep,
		       size_t *taken, struct nd_document_result *res, struct nd_error *err)
{
	*taken = 0;
	for (size_t i = 0; i < d->npictures; i++) {
		const struct nd_docx_picture *p = &d->pictures[i];
		if (!photo_format(p->bytes, p->n)) {
			note_skipped(res, p->name);
			continue;
		}
		int rc = nd_photo_prepare(st, p->name, p->alt, p->bytes, p->n, &prep[*taken], err);
		if (rc < 0) {
			nd_error_prefix(err, _("the document's picture %s: "), p->name);
			return rc;
		}
		(*taken)++;
	}
	return 0;
}

static int file_tx(struct nd_store *st, const struct nd_actor *actor, const struct nd_story *story,
		   const struct nd_token *token, const char *bytes, size_t n,
		   const struct nd_photo_prepared *prep, size_t taken, struct nd_document_result *res,
		   struct nd_error *err)
{
	int rc = nd_item_insert(st, actor, story, "docx", token, NULL, "file", &res->file, err);
	if (rc < 0 || res->file.duplicate)
		return rc;
	if ((rc = nd_original_keep(st, res->file.id, bytes, n, "docx", err)) < 0)
		return rc;
	for (size_t k = 0; k < taken; k++) {
		if ((rc = nd_photo_attach_prepared(st, actor, res->file.id, &prep[k],
						   &res->photos[res->nphotos], err)) < 0) {
			nd_error_prefix(err, _("the document's picture %s: "), prep[k].name);
			return rc;
		}
		if (!res->photos[res->nphotos].duplicate)
			res->nphotos++;
	}
	return 0;
}

int nd_item_file_document(struct nd_store *st, const struct nd_actor *actor,
			  const struct nd_story *story, const struct nd_docx *d,
			  const struct nd_token *token, const char *bytes, size_t n,
			  struct nd_document_result *res, struct nd_error *err)
{
	memset(res, 0, sizeof *res);
	size_t taken = 0;
	struct nd_photo_prepared *prep = calloc(d->npictures + 1, sizeof *prep);
	res->photos = calloc(d->npictures + 1, sizeof *res->photos);
	int rc = prep && res->photos ? nd_story_validate(story, err)
				     : nd_fail(err, ND_ENOMEM, _("out of memory"));
	if (rc == 0)
		rc = prepare_all(st, d, prep, &taken, res, err);
	if (rc == 0 && (rc = nd_store_begin(st, err)) == 0) {
		rc = file_tx(st, actor, story, token, bytes, n, prep, taken, res, err);
		if (rc < 0 || res->file.duplicate) {
			nd_store_rollback(st);
			res->nphotos = 0;
		} else {
			rc = nd_store_commit(st, err);
		}
	}
	for (size_t k = 0; prep && k < taken; k++)
		nd_photo_prepared_free(&prep[k]);
	free(prep);
	return rc;
}

void nd_document_result_free(struct nd_document_result *res)
{
	free(res->photos);
	res->photos = NULL;
	res->nphotos = 0;
}
