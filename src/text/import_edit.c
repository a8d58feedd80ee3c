/* import_edit.c — an editor's corrections to an imported page before it is
 * filed. Every operation moves text between fields and items and never
 * loses a character: typed-over text goes to `dropped`, typed text to
 * `added`, a skipped item stays in the page (see import_edit.h). */
#include "newsdesk/import_edit.h"
#include "newsdesk/filing.h"
#include "newsdesk/lang.h"
#include "newsdesk/utf8.h"

#include <stdlib.h>
#include <string.h>

#define N_(s) (s) /* translated where shown */

/* A title line the editor splits off becomes the new item's headline when
 * it is this short (as the importer takes a line for a title). */
#define TITLE_CHARS 40

const struct nd_import_rule nd_import_rule_editor = { "editor", N_("set by the editor") };

/* The fields that hold the page's text, and where each lives. */
static char **text_field(struct nd_import_item *it, enum nd_import_field f)
{
	switch (f) {
	case ND_IF_KICKER:
		return &it->story.kicker;
	case ND_IF_HEADLINE:
		return &it->story.headline;
	case ND_IF_SUBHEAD:
		return &it->story.subhead;
	case ND_IF_DATELINE:
		return &it->story.dateline;
	case ND_IF_BYLINE:
		return &it->story.byline;
	case ND_IF_BODY:
		return &it->story.body;
	default:
		return NULL;
	}
}

static bool empty(const char *s)
{
	return !s || !*s;
}

static int oom(struct nd_error *err)
{
	return nd_fail(err, ND_ENOMEM, _("out of memory editing the import"));
}

static int check_item(const struct nd_import_edit *ed, size_t i, struct nd_error *err)
{
	if (i >= ed->page.n)
		return nd_fail(err, ND_ENOENT, _("no item %1$zu on this page (it has %2$zu)"),
			       i + 1, ed->page.n);
	return 0;
}

int nd_import_edit_init(struct nd_import_edit *ed, struct nd_import_page *page,
			struct nd_error *err)
{
	memset(ed, 0, sizeof *ed);
	ed->skipped = calloc(page->n ? page->n : 1, sizeof *ed->skipped);
	if (!ed->skipped)
		return oom(err);
	ed->page = *page;
	memset(page, 0, sizeof *page);
	return 0;
}

void nd_import_edit_free(struct nd_import_edit *ed)
{
	nd_import_page_free(&ed->page);
	free(ed->skipped);
	nd_buf_free(&ed->dropped);
	nd_buf_free(&ed->added);
	memset(ed, 0, sizeof *ed);
}

static int copy_buf(struct nd_buf *dst, const struct nd_buf *src)
{
	*dst = (struct nd_buf)ND_BUF_INIT;
	return src->len ? nd_buf_add(dst, src->data, src->len) : 0;
}

int nd_import_edit_copy(struct nd_import_edit *dst, const struct nd_import_edit *src,
			struct nd_error *err)
{
	memset(dst, 0, sizeof *dst);
	size_t n = src->page.n;
	dst->page.items = calloc(n ? n : 1, sizeof *dst->page.items);
	dst->skipped = calloc(n ? n : 1, sizeof *dst->skipped);
	if (!dst->page.items || !dst->skipped)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		const struct nd_import_item *a = &src->page.items[i];
		struct nd_import_item *b = &dst->page.items[i];
		*b = *a; /* the flags, the rules and byline_name */
		memset(&b->story, 0, sizeof b->story);
		b->markers = b->source = NULL;
		dst->page.n++;
		if (nd_story_copy(&b->story, &a->story) < 0 ||
		    (a->markers && !(b->markers = strdup(a->markers))) ||
		    (a->source && !(b->source = strdup(a->source))))
			goto fail;
		dst->skipped[i] = src->skipped[i];
	}
	if (copy_buf(&dst->dropped, &src->dropped) < 0 || copy_buf(&dst->added, &src->added) < 0)
		goto fail;
	dst->edits = src->edits;
	return 0;
fail:
	nd_import_edit_free(dst);
	return oom(err);
}

size_t nd_import_paragraphs(const struct nd_import_item *it)
{
	const char *s = it->story.body;
	if (empty(s))
		return 0;
	size_t n = 1;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* a then b as paragraphs (either may be empty); NULL when out of memory */
static char *paras(const char *a, const char *b)
{
	struct nd_buf out = ND_BUF_INIT;
	if (nd_buf_adds(&out, a ? a : "") < 0 ||
	    (!empty(a) && !empty(b) && nd_buf_addc(&out, '\n') < 0) ||
	    nd_buf_adds(&out, b ? b : "") < 0) {
		nd_buf_free(&out); /* never a text cut short */
		return NULL;
	}
	return nd_buf_take(&out);
}

/* Joins lines a and b of a markers or source field: a takes the result. */
static int join_lines(char **a, char **b)
{
	if (empty(*b)) {
		free(*b);
		*b = NULL;
		return 0;
	}
	if (empty(*a)) {
		free(*a);
		*a = *b;
		*b = NULL;
		return 0;
	}
	char *j = paras(*a, *b);
	if (!j)
		return -1;
	free(*a);
	free(*b);
	*a = j;
	*b = NULL;
	return 0;
}

/* Room for one more item at index at (the items after it move down). */
static int insert_slot(struct nd_import_edit *ed, size_t at)
{
	size_t n = ed->page.n;
	struct nd_import_item *items = realloc(ed->page.items, (n + 1) * sizeof *items);
	if (!items)
		return -1;
	ed->page.items = items;
	bool *sk = realloc(ed->skipped, (n + 1) * sizeof *sk);
	if (!sk)
		return -1;
	ed->skipped = sk;
	memmove(&items[at + 1], &items[at], (n - at) * sizeof *items);
	memmove(&sk[at + 1], &sk[at], (n - at) * sizeof *sk);
	memset(&items[at], 0, sizeof *items);
	sk[at] = false;
	ed->page.n++;
	return 0;
}

static void remove_slot(struct nd_import_edit *ed, size_t at)
{
	size_t n = ed->page.n;
	memmove(&ed->page.items[at], &ed->page.items[at + 1],
		(n - at - 1) * sizeof *ed->page.items);
	memmove(&ed->skipped[at], &ed->skipped[at + 1], (n - at - 1) * sizeof *ed->skipped);
	ed->page.n--;
}

/* ---- merge ---------------------------------------------------------------- */

/* b's title lines that a already has, as paragraphs before b's body; a
 * field a lacks takes b's. */
static int merge_titles(struct nd_import_item *a, struct nd_import_item *b, struct nd_buf *lead)
{
	static const enum nd_import_field titles[] = { ND_IF_KICKER, ND_IF_HEADLINE, ND_IF_SUBHEAD,
						       ND_IF_DATELINE };
	for (size_t k = 0; k < sizeof titles / sizeof *titles; k++) {
		char **fa = text_field(a, titles[k]), **fb = text_field(b, titles[k]);
		if (empty(*fb))
			continue;
		if (empty(*fa)) {
			free(*fa);
			*fa = *fb;
			*fb = NULL;
			a->why[titles[k]] = b->why[titles[k]];
			continue;
		}
		if ((lead->len && nd_buf_addc(lead, '\n') < 0) || nd_buf_adds(lead, *fb) < 0)
			return -1;
	}
	return 0;
}

int nd_import_merge(struct nd_import_edit *ed, size_t i, struct nd_error *err)
{
	if (check_item(ed, i, err) < 0)
		return err->code;
	if (i + 1 >= ed->page.n)
		return nd_fail(err, ND_EINVAL, _("item %zu is the last: nothing below to merge"),
			       i + 1);
	if (ed->skipped[i] || ed->skipped[i + 1])
		return nd_fail(err, ND_EINVAL, _("item %zu is skipped: take it back first"),
			       ed->skipped[i] ? i + 1 : i + 2);
	struct nd_import_item *a = &ed->page.items[i], *b = &ed->page.items[i + 1];
	struct nd_buf lead = ND_BUF_INIT;
	if (merge_titles(a, b, &lead) < 0)
		goto fail;
	char *bbody = paras(nd_buf_str(&lead), b->story.body);
	if (!bbody)
		goto fail;
	if (!empty(b->story.byline) && !empty(a->story.byline)) {
		char *signed_body = paras(bbody, b->story.byline); /* where it stood */
		free(bbody);
		if (!(bbody = signed_body))
			goto fail;
	} else if (!empty(b->story.byline)) {
		free(a->story.byline);
		a->story.byline = b->story.byline;
		b->story.byline = NULL;
		a->byline_name = b->byline_name;
		a->why[ND_IF_BYLINE] = b->why[ND_IF_BYLINE];
	}
	char *body = paras(a->story.body, bbody);
	free(bbody);
	if (!body || join_lines(&a->markers, &b->markers) < 0 ||
	    join_lines(&a->source, &b->source) < 0) {
		free(body);
		goto fail;
	}
	free(a->story.body);
	a->story.body = body;
	a->why[ND_IF_BODY] = &nd_import_rule_editor;
	a->repairs += b->repairs;
	a->displaced = a->displaced || b->displaced;
	a->fragment = false; /* an editor has looked */
	a->flag = NULL;
	nd_buf_free(&lead);
	nd_story_free(&b->story);
	free(b->markers);
	free(b->source);
	remove_slot(ed, i + 1);
	ed->edits++;
	return 0;
fail:
	nd_buf_free(&lead);
	return oom(err);
}

/* ---- split ---------------------------------------------------------------- */

/* Byte offset where paragraph para (from 1) of s starts. */
static size_t para_start(const char *s, size_t para)
{
	const char *p = s;
	for (size_t k = 1; k < para && p; k++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return p ? (size_t)(p - s) : strlen(s);
}

int nd_import_split_at(struct nd_import_edit *ed, size_t i, size_t para, struct nd_error *err)
{
	if (check_item(ed, i, err) < 0)
		return err->code;
	size_t n = nd_import_paragraphs(&ed->page.items[i]);
	if (n < 2)
		return nd_fail(err, ND_EINVAL,
			       ngettext("item %1$zu has %2$zu paragraph: nothing to split",
					"item %1$zu has %2$zu paragraphs: nothing to split", n),
			       i + 1, n);
	if (para < 2 || para > n)
		return nd_fail(err, ND_EINVAL,
			       _("split item %1$zu before a paragraph from 2 to %2$zu, not %3$zu"),
			       i + 1, n, para);
	if (insert_slot(ed, i + 1) < 0)
		return oom(err);
	struct nd_import_item *a = &ed->page.items[i], *b = &ed->page.items[i + 1];
	size_t at = para_start(a->story.body, para);
	const char *rest = a->story.body + at;
	size_t first = strcspn(rest, "\n");
	char *line = strndup(rest, first);
	bool title = line && rest[first] && first > 0 &&
		     nd_utf8_prefix(rest, TITLE_CHARS) >= first && !nd_ends_like_prose(line);
	free(line);
	/* the text cut off is no photo's caption: a photo's text stays with it */
	const char *kind = a->story.kind ? a->story.kind : "article";
	b->story.kind = strdup(strcmp(kind, "photo") == 0 ? "article" : kind);
	b->story.section = a->story.section ? strdup(a->story.section) : NULL;
	if (title) {
		b->story.headline = strndup(rest, first);
		b->story.body = strdup(rest + first + 1);
	} else {
		b->story.body = strdup(rest);
	}
	if (!b->story.kind || (a->story.section && !b->story.section) || !b->story.body ||
	    (title && !b->story.headline)) {
		nd_story_free(&b->story);
		remove_slot(ed, i + 1);
		return oom(err);
	}
	a->story.body[at - 1] = '\0'; /* the '\n' between is layout */
	b->why[ND_IF_KIND] = b->why[ND_IF_BODY] = &nd_import_rule_editor;
	if (title)
		b->why[ND_IF_HEADLINE] = &nd_import_rule_editor;
	if (b->story.section)
		b->why[ND_IF_SECTION] = a->why[ND_IF_SECTION];
	a->why[ND_IF_BODY] = &nd_import_rule_editor;
	ed->edits++;
	return 0;
}

/* ---- relabel ---------------------------------------------------------------- */

/* The body's first (or last) paragraph and the rest of it, both new. */
static int cut_para(const char *body, bool last, char **para, char **rest)
{
	const char *nl = last ? strrchr(body, '\n') : strchr(body, '\n');
	if (!nl) {
		*para = strdup(body);
		*rest = strdup("");
	} else if (last) {
		*para = strdup(nl + 1);
		*rest = strndup(body, (size_t)(nl - body));
	} else {
		*para = strndup(body, (size_t)(nl - body));
		*rest = strdup(nl + 1);
	}
	if (*para && *rest)
		return 0;
	free(*para);
	free(*rest);
	return -1;
}

/* text put into body as its first (or last) paragraph, new */
static char *with_para(const char *body, const char *text, bool last)
{
	return last ? paras(body, text) : paras(text, body);
}

static bool moves_text(enum nd_import_field f)
{
	return f == ND_IF_KICKER || f == ND_IF_HEADLINE || f == ND_IF_SUBHEAD ||
	       f == ND_IF_DATELINE || f == ND_IF_BYLINE || f == ND_IF_BODY;
}

int nd_import_move(struct nd_import_edit *ed, size_t i, enum nd_import_field from,
		   enum nd_import_field to, struct nd_error *err)
{
	if (check_item(ed, i, err) < 0)
		return err->code;
	if (!moves_text(from) || !moves_text(to) || from == to)
		return nd_fail(err, ND_EINVAL,
			       _("a field's text moves between kicker, headline, subhead, "
				 "dateline, byline and body, and to another field"));
	struct nd_import_item *it = &ed->page.items[i];
	char **src = text_field(it, from), **dst = text_field(it, to);
	if (empty(*src))
		return nd_fail(err, ND_EINVAL, _("item %1$zu has no %2$s to move"), i + 1,
			       nd_import_field_name(from));
	/* the byline is at the end of a text, the title lines at its head;
	 * everything is built first, so running out of memory changes nothing */
	bool at_end = to == ND_IF_BYLINE || from == ND_IF_BYLINE;
	const char *body = it->story.body ? it->story.body : "";
	char *para = NULL, *rest = NULL, *new_body = NULL;
	if (from == ND_IF_BODY) {
		if (cut_para(body, at_end, &para, &rest) < 0)
			return oom(err);
		if (*dst && !(new_body = with_para(rest, *dst, at_end))) {
			free(para);
			free(rest);
			return oom(err);
		}
		if (!new_body) {
			new_body = rest;
			rest = NULL;
		}
		free(rest);
		free(*dst); /* it is in the new body */
		*dst = para;
	} else if (to == ND_IF_BODY) {
		if (!(new_body = with_para(body, *src, at_end)))
			return oom(err);
		free(*src);
		*src = NULL;
	} else {
		char *old = *dst;
		*dst = *src;
		*src = old;
	}
	if (new_body) {
		free(it->story.body);
		it->story.body = new_body;
	}
	it->why[to] = &nd_import_rule_editor;
	it->why[from] = empty(*src) ? NULL : &nd_import_rule_editor;
	if (from == ND_IF_BYLINE || to == ND_IF_BYLINE)
		it->byline_name = 0;
	ed->edits++;
	return 0;
}

/* ---- set -------------------------------------------------------------------- */

static int note_text(struct nd_buf *b, const char *text)
{
	if (empty(text))
		return 0;
	if (b->len && nd_buf_addc(b, '\n') < 0)
		return -1;
	return nd_buf_adds(b, text);
}

static int set_label(struct nd_import_item *it, enum nd_import_field f, const char *text,
		     struct nd_error *err)
{
	char *value;
	if (f == ND_IF_KIND) {
		const char *kind = nd_kind_canonical(text);
		if (!kind)
			return nd_fail(err, ND_EINVAL,
				       _("unknown kind '%s' (article/文章, photo/图片, brief/简讯, "
					 "note/便条)"),
				       text);
		value = strdup(kind);
	} else {
		value = empty(text) ? NULL : strdup(text);
		if (!empty(text) && nd_utf8_length(text) > 64)
			return nd_fail(err, ND_EINVAL, _("a section is at most 64 characters"));
	}
	if (!empty(text) && !value)
		return oom(err);
	char **slot = f == ND_IF_KIND ? &it->story.kind : &it->story.section;
	free(*slot);
	*slot = value;
	it->why[f] = value ? &nd_import_rule_editor : NULL;
	return 0;
}

int nd_import_set(struct nd_import_edit *ed, size_t i, enum nd_import_field f, const char *text,
		  struct nd_error *err)
{
	if (check_item(ed, i, err) < 0)
		return err->code;
	if (!nd_utf8_valid(text, strlen(text), NULL) || strchr(text, '\n'))
		return nd_fail(err, ND_EINVAL, _("a field is one line of UTF-8 text"));
	struct nd_import_item *it = &ed->page.items[i];
	if (f == ND_IF_KIND || f == ND_IF_SECTION) {
		int rc = set_label(it, f, text, err);
		if (rc == 0)
			ed->edits++;
		return rc;
	}
	char **slot = text_field(it, f);
	if (!slot || f == ND_IF_BODY)
		return nd_fail(err, ND_EINVAL,
			       _("the editor sets a title line, the kind or the section here; "
				 "the body is edited after filing"));
	if (nd_utf8_length(text) > ND_MAX_HEADLINE)
		return nd_fail(err, ND_EINVAL, _("a title line is at most %d characters"),
			       ND_MAX_HEADLINE);
	if (strcmp(*slot ? *slot : "", text) == 0)
		return 0;
	char *value = empty(text) ? NULL : strdup(text);
	if ((!empty(text) && !value) || note_text(&ed->dropped, *slot) < 0 ||
	    note_text(&ed->added, text) < 0) {
		free(value);
		return oom(err);
	}
	free(*slot);
	*slot = value;
	it->why[f] = value ? &nd_import_rule_editor : NULL;
	if (f == ND_IF_BYLINE)
		it->byline_name = 0;
	ed->edits++;
	return 0;
}

/* ---- skip and file ------------------------------------------------------------ */

int nd_import_skip(struct nd_import_edit *ed, size_t i, struct nd_error *err)
{
	if (check_item(ed, i, err) < 0)
		return err->code;
	ed->skipped[i] = !ed->skipped[i];
	ed->edits++;
	return 0;
}

int nd_import_kept(const struct nd_import_edit *ed, struct nd_import_page *kept,
		   struct nd_error *err)
{
	memset(kept, 0, sizeof *kept);
	for (size_t i = 0; i < ed->page.n; i++)
		if (!ed->skipped[i] && empty(ed->page.items[i].story.headline))
			return nd_fail(
			    err, ND_EINVAL,
			    _("item %zu has no headline: give it one, or merge or skip it"), i + 1);
	kept->items = calloc(ed->page.n ? ed->page.n : 1, sizeof *kept->items);
	if (!kept->items)
		return oom(err);
	for (size_t i = 0; i < ed->page.n; i++)
		if (!ed->skipped[i])
			kept->items[kept->n++] = ed->page.items[i];
	if (!kept->n) {
		free(kept->items);
		kept->items = NULL;
		return nd_fail(err, ND_EINVAL, _("every item is skipped: nothing to file"));
	}
	return 0;
}
