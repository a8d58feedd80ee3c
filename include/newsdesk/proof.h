/* proof.h — proofreading checks (校对): warnings the chief editor can pass,
 * never a block. Each check has an identifier and an explanation; each hit
 * says where (field, paragraph, character) and shows the place. */
#ifndef NEWSDESK_PROOF_H
#define NEWSDESK_PROOF_H

#include "newsdesk/filing.h"

#include <stddef.h>

struct nd_proof_check {
	const char *id;
	const char *explain_en; /* a msgid: shown through gettext */
	/* A mechanical class: the clean-up rule (^K, cleanup.h) that fixes every
	 * hit, and what one hit is, for the one-line count ("586 half-width
	 * marks"). NULL for a check a person must judge. */
	const char *fix;
	const char *noun1_en; /* one (msgid for ngettext) */
	const char *noun_en; /* many */
};

extern const struct nd_proof_check nd_proof_checks[];
extern const size_t nd_proof_check_count;

struct nd_proof_hit {
	const struct nd_proof_check *check;
	const char *field; /* "headline", "body", … */
	int paragraph; /* 1-based, in the body; 0 elsewhere */
	long offset; /* characters from the start of the paragraph or field */
	char excerpt[160]; /* the text around the place */
	char detail[160]; /* what exactly, e.g. "“现代化” twice" */
};

struct nd_proof_report {
	struct nd_proof_hit *hits;
	size_t n;
	size_t left; /* hits that no clean-up rule fixes: the rate counts these */
	long chars; /* 字数 the rate is measured over */
	double rate; /* hits left per 10,000 characters */
	double limit; /* the publication's limit (三审三校: 2 magazines, 3 newspapers) */
};

/* Runs every check on a story. limit is the errors allowed per 10,000; the
 * rate is computed over the hits clean-up does not fix. Every hit, mechanical
 * or not, is in hits (with its place), in the order the checks ran. */
int nd_proof_story(const struct nd_story *st, double limit, struct nd_proof_report *r);
void nd_proof_free(struct nd_proof_report *r);

/* The photo check the text alone cannot make: a photo item (kind photo,
 * 图片) with no photo attached gets a photo-missing hit in r (which
 * nd_proof_story filled). photos: how many the item has. */
int nd_proof_photos(const struct nd_story *st, int photos, struct nd_proof_report *r);

/* How many hits of one check the report holds (for the one-line count of a
 * mechanical class). */
size_t nd_proof_count(const struct nd_proof_report *r, const struct nd_proof_check *c);

/* A hit's field (its code: "body", "photos") in the reader's language, for
 * every place a person reads it (the CLI's proof, the desk's review pane);
 * JSON keeps the code. An unknown code comes back as it is. */
const char *nd_proof_field_label(const char *field);

#endif
