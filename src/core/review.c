/* review.c — loading two revisions and diffing them; proofreading with the
 * publication's own limit. */
#include "newsdesk/review.h"
#include "newsdesk/lang.h"
#include "newsdesk/meta.h"
#include "newsdesk/photos.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nd_review_free(struct nd_review *r)
{
	nd_item_free(&r->a);
	nd_item_free(&r->b);
	for (int i = 0; i < ND_REVIEW_FIELDS; i++)
		nd_diff_free(&r->fields[i].diff);
	nd_diff_free(&r->body);
}

int nd_review_load(struct nd_store *st, const struct nd_actor *actor, int64_t id, int rev_a,
		   int rev_b, struct nd_review *r, struct nd_error *err)
{
	memset(r, 0, sizeof *r);
	int rc = nd_item_get(st, actor, id, rev_b, &r->b, err);
	if (rc < 0)
		return rc;
	if ((rc = nd_item_get(st, actor, id, rev_a > 0 ? rev_a : 1, &r->a, err)) < 0) {
		nd_item_free(&r->b);
		return rc;
	}
	const struct {
		const char *name; /* a msgid */
		const char *a, *b;
	} f[ND_REVIEW_FIELDS] = {
		{ N_("Section"), r->a.story.section, r->b.story.section },
		{ N_("Kicker"), r->a.story.kicker, r->b.story.kicker },
		{ N_("Headline"), r->a.story.headline, r->b.story.headline },
		{ N_("Subhead"), r->a.story.subhead, r->b.story.subhead },
		{ N_("Dateline"), r->a.story.dateline, r->b.story.dateline },
		{ N_("Byline"), r->a.story.byline, r->b.story.byline },
	};
	/* the section is the item's, not the revision's: read it from each */
	for (int i = 0; i < ND_REVIEW_FIELDS && rc == 0; i++) {
		r->fields[i].name_en = f[i].name;
		rc = nd_diff_texts(f[i].a ? f[i].a : "", f[i].b ? f[i].b : "", &r->fields[i].diff);
		r->fields[i].changed = rc == 0 && nd_diff_changed(&r->fields[i].diff);
		r->coarse |= r->fields[i].diff.coarse;
	}
	if (rc == 0)
		rc = nd_diff_texts(r->a.story.body ? r->a.story.body : "",
				   r->b.story.body ? r->b.story.body : "", &r->body);
	r->coarse |= r->body.coarse;
	if (rc < 0) {
		nd_review_free(r);
		return nd_fail(err, ND_ENOMEM, _("out of memory comparing revisions"));
	}
	return 0;
}

int nd_proof_item(struct nd_store *st, const struct nd_actor *actor, int64_t id, int rev,
		  struct nd_proof_report *report, struct nd_error *err)
{
	struct nd_item it;
	char kind[32], limit[32], key[64];
	int rc = nd_item_get(st, actor, id, rev, &it, err);
	if (rc < 0)
		return rc;
	if ((rc = nd_meta_get(st, "publication_kind", kind, sizeof kind, err)) == 0) {
		snprintf(key, sizeof key, "proof_limit_%s", kind[0] ? kind : "magazine");
		rc = nd_meta_get(st, key, limit, sizeof limit, err);
	}
	if (rc == 0 && nd_proof_story(&it.story, limit[0] ? atof(limit) : 2.0, report) < 0)
		rc = nd_fail(err, ND_ENOMEM, _("out of memory proofreading"));
	int photos = 0; /* a photo item must carry its photo (issue 22) */
	if (rc == 0 && (rc = nd_photo_count(st, id, &photos, err)) == 0 &&
	    nd_proof_photos(&it.story, photos, report) < 0)
		rc = nd_fail(err, ND_ENOMEM, _("out of memory proofreading"));
	nd_item_free(&it);
	return rc;
}
