/* import.h — filing the items of an imported page, in one transaction. */
#ifndef NEWSDESK_IMPORT_H
#define NEWSDESK_IMPORT_H

#include "newsdesk/importer.h"
#include "newsdesk/original.h"
#include "newsdesk/store.h"
#include "newsdesk/users.h"

#include <stdint.h>

struct nd_import_result {
	size_t filed, fragments;
	size_t flagged; /* items an unsure rule flagged (fragments among them) */
	int64_t first, last;
	int64_t page_original; /* where the page's bytes are kept */
};

/* Files every item of page (all or none), and keeps src, the page's bytes
 * as they arrived (required: an import never loses a byte), once, each item
 * naming them (newsdesk show ID --original). state: NULL for the
 * workflow's initial state, or (by name or label) the initial one or a
 * published one: archives go straight out (chiefs). issue, when given,
 * places them on page 'page'. */
int nd_import_file(struct nd_store *st, const struct nd_actor *actor,
		   const struct nd_import_page *page, const struct nd_page_source *src,
		   const char *encoding, const char *issue, int page_no, const char *state,
		   struct nd_import_result *res, struct nd_error *err);

#endif
