/* documents.h — filing a Word document (docx.h): its story, its pictures as
 * the item's photos and its original bytes, in one transaction — all or
 * nothing, as a filing is. */
#ifndef NEWSDESK_DOCUMENTS_H
#define NEWSDESK_DOCUMENTS_H
#include "newsdesk/docx.h"
#include "newsdesk/error.h"
#include "newsdesk/filing.h"
#include "newsdesk/items.h"
#include "newsdesk/photos.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

struct nd_document_result {
	struct nd_file_result file;
	struct nd_attach_result *photos; /* one per picture attached, in order */
	size_t nphotos;
	char skipped[512]; /* pictures in formats photos are not taken in: "image2.emf …" */
	size_t nskipped;
};

/* Files the story read from the document d (whose bytes[0..n) are kept as
 * the item's original) and attaches d's JPEG, PNG and WebP pictures, each
 * validated as attach validates, their alt text as the caption. A picture
 * that fails validation refuses the whole filing; one in another format
 * (EMF, GIF…) is named in res->skipped and stays in the kept original. */
int nd_item_file_document(struct nd_store *st, const struct nd_actor *actor,
			  const struct nd_story *story, const struct nd_docx *d,
			  const struct nd_token *token, const char *bytes, size_t n,
			  struct nd_document_result *res, struct nd_error *err);
void nd_document_result_free(struct nd_document_result *res);

#endif
