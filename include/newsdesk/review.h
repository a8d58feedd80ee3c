/* review.h — what the chief editor reviews: two revisions of an item and
 * what changed between them, field by field; the proofreading report. */
#ifndef NEWSDESK_REVIEW_H
#define NEWSDESK_REVIEW_H

#include "newsdesk/diff.h"
#include "newsdesk/items.h"
#include "newsdesk/proof.h"

enum { ND_REVIEW_FIELDS = 6 };

struct nd_field_diff {
	const char *name_en; /* a msgid: shown through gettext */
	bool changed;
	struct nd_diff diff;
};

struct nd_review {
	struct nd_item a, b; /* the two revisions (bodies filled) */
	struct nd_field_diff fields[ND_REVIEW_FIELDS];
	struct nd_diff body;
	bool coarse; /* some diff above is shown by paragraph (nd_diff.coarse) */
};

/* Diffs revision rev_a against rev_b of item id; 0 for rev_a means the
 * filed revision (1), 0 for rev_b the current one. */
int nd_review_load(struct nd_store *st, const struct nd_actor *actor, int64_t id, int rev_a,
		   int rev_b, struct nd_review *r, struct nd_error *err);
void nd_review_free(struct nd_review *r);

/* Proofreads revision rev (0: current) against the publication's limit. */
int nd_proof_item(struct nd_store *st, const struct nd_actor *actor, int64_t id, int rev,
		  struct nd_proof_report *report, struct nd_error *err);

#endif
