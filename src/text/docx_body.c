/* docx_body.c — walks word/document.xml into a filing (docx.h): paragraphs
 * (in tables too) one a line, runs' text, tabs as spaces, soft breaks as
 * the filing format's paragraph breaks, insertions kept and deletions
 * dropped (tracked changes accepted), a field's shown text and not its
 * code, pictures by their relationship; then the headline from the title
 * style, or from a first short paragraph set all bold or large. */
#include "docx_int.h"
#include "newsdesk/filing.h"
#include "newsdesk/lang.h"

#include <stdlib.h>
#include <string.h>

#define DOCX_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define HEADLINE_MAX 80 /* characters: a longer bold paragraph is body text */

struct para {
	char *text;
	enum docx_style style;
	bool emphatic; /* every run with text is bold or 16 pt and more */
};

struct walker {
	struct docx_reader *r;
	struct nd_buf cur;
	enum docx_style style;
	bool emphatic, has_text;
	bool in_field_code; /* between a field's begin and separate */
	struct para *paras;
	size_t n;
	int depth;
};

bool nd_docx_is(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, DOCX_W) == 0 &&
	       strcmp((const char *)n->name, local) == 0;
}

xmlNode *nd_docx_child(const xmlNode *n, const char *local)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (nd_docx_is(c, local))
			return c;
	return NULL;
}

xmlChar *nd_docx_attr(const xmlNode *n, const char *local)
{
	return xmlGetNsProp(n, BAD_CAST local, BAD_CAST DOCX_W);
}

/* A toggle property (w:b): on unless its w:val says off. */
static bool toggle_on(const xmlNode *prop)
{
	if (!prop)
		return false;
	xmlChar *v = nd_docx_attr(prop, "val");
	bool on = !v || !(strcmp((char *)v, "0") == 0 || strcmp((char *)v, "false") == 0 ||
			  strcmp((char *)v, "off") == 0);
	xmlFree(v);
	return on;
}

static int end_para(struct walker *w, struct nd_error *err)
{
	if (!w->cur.len) {
		w->emphatic = true;
		w->has_text = false;
		return 0;
	}
	struct para *p = realloc(w->paras, (w->n + 1) * sizeof *p);
	if (!p)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	w->paras = p;
	w->paras[w->n++] = (struct para){ nd_buf_take(&w->cur), w->style,
					  w->emphatic && w->has_text };
	w->emphatic = true;
	w->has_text = false;
	return 0;
}

/* Text of a w:t, white space made spaces (the filing's lines are paragraphs). */
static int add_text(struct walker *w, const xmlNode *t, bool emphatic, struct nd_error *err)
{
	xmlChar *s = xmlNodeGetContent(t);
	int rc = 0;
	for (const xmlChar *p = s; p && *p && rc == 0; p++)
		rc = nd_buf_addc(&w->cur, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : (char)*p);
	if (s && *s) {
		w->has_text = true;
		w->emphatic = w->emphatic && emphatic;
	}
	xmlFree(s);
	return rc < 0 ? nd_fail(err, ND_ENOMEM, _("out of memory")) : 0;
}

/* The first descendant named local in namespace-agnostic drawing markup
 * (wp:docPr, a:blip, v:imagedata), bounded in depth. */
static xmlNode *find_local(xmlNode *n, const char *local, int depth)
{
	for (xmlNode *c = n->children; c && depth < ND_DOCX_MAX_DEPTH; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, local) == 0)
			return c;
		xmlNode *f = find_local(c, local, depth + 1);
		if (f)
			return f;
	}
	return NULL;
}

static int picture(struct walker *w, xmlNode *drawing, struct nd_error *err)
{
	xmlNode *pr = find_local(drawing, "docPr", 0);
	xmlNode *blip = find_local(drawing, "blip", 0);
	xmlNode *vml = blip ? NULL : find_local(drawing, "imagedata", 0);
	xmlChar *alt = pr ? xmlGetProp(pr, BAD_CAST "descr") : NULL;
	if ((!alt || !*alt) && pr) {
		xmlFree(alt);
		alt = xmlGetProp(pr, BAD_CAST "title");
	}
	xmlChar *rid = blip ? xmlGetNsProp(blip, BAD_CAST "embed", BAD_CAST DOCX_R)
			    : vml ? xmlGetNsProp(vml, BAD_CAST "id", BAD_CAST DOCX_R) : NULL;
	xmlChar *link = !rid && blip ? xmlGetNsProp(blip, BAD_CAST "link", BAD_CAST DOCX_R) : NULL;
	if (link)
		w->r->d->linked++;
	xmlFree(link);
	int rc = rid ? nd_docx_picture(w->r, (char *)rid, (char *)alt, err) : 0;
	xmlFree(alt);
	xmlFree(rid);
	return rc;
}

static int run(struct walker *w, xmlNode *r, struct nd_error *err)
{
	xmlNode *pr = nd_docx_child(r, "rPr");
	xmlNode *sz = pr ? nd_docx_child(pr, "sz") : NULL;
	xmlChar *half_points = sz ? nd_docx_attr(sz, "val") : NULL;
	bool emphatic = (pr && toggle_on(nd_docx_child(pr, "b"))) ||
			(half_points && atoi((char *)half_points) >= 32);
	xmlFree(half_points);
	int rc = 0;
	for (xmlNode *c = r->children; c && rc == 0; c = c->next) {
		if (nd_docx_is(c, "t") && !w->in_field_code) {
			rc = add_text(w, c, emphatic, err);
		} else if (nd_docx_is(c, "tab")) {
			rc = nd_buf_addc(&w->cur, ' ');
		} else if (nd_docx_is(c, "noBreakHyphen")) {
			rc = nd_buf_addc(&w->cur, '-');
		} else if (nd_docx_is(c, "br") || nd_docx_is(c, "cr")) {
			rc = end_para(w, err); /* a soft break: the filing's next line */
		} else if (nd_docx_is(c, "fldChar")) {
			xmlChar *t = nd_docx_attr(c, "fldCharType");
			if (t && strcmp((char *)t, "begin") == 0) {
				w->in_field_code = true;
				w->r->d->fields++;
			} else if (t) {
				w->in_field_code = false; /* separate: the shown text follows */
			}
			xmlFree(t);
		} else if (nd_docx_is(c, "drawing") || nd_docx_is(c, "pict") ||
			   nd_docx_is(c, "object")) {
			rc = picture(w, c, err);
		} /* delText, instrText, footnoteReference, commentReference: dropped */
	}
	return rc < 0 && !err->code ? nd_fail(err, ND_ENOMEM, _("out of memory")) : rc;
}

/* Everything inside a paragraph that may hold runs. */
static int inline_content(struct walker *w, xmlNode *n, struct nd_error *err)
{
	if (++w->depth > ND_DOCX_MAX_DEPTH)
		return nd_fail(err, ND_EINVAL, _("the document is nested more than %d deep: refused"),
			       ND_DOCX_MAX_DEPTH);
	int rc = 0;
	for (xmlNode *c = n->children; c && rc == 0; c = c->next) {
		if (nd_docx_is(c, "r")) {
			rc = run(w, c, err);
		} else if (nd_docx_is(c, "del") || nd_docx_is(c, "moveFrom")) {
			w->r->d->deletions++;
		} else if (nd_docx_is(c, "ins") || nd_docx_is(c, "moveTo")) {
			w->r->d->insertions++;
			rc = inline_content(w, c, err);
		} else if (nd_docx_is(c, "fldSimple")) {
			w->r->d->fields++;
			rc = inline_content(w, c, err);
		} else if (nd_docx_is(c, "hyperlink") || nd_docx_is(c, "smartTag") ||
			   nd_docx_is(c, "customXml") || nd_docx_is(c, "sdt") ||
			   nd_docx_is(c, "sdtContent") || nd_docx_is(c, "bdo") || nd_docx_is(c, "dir")) {
			rc = inline_content(w, c, err);
		}
	}
	w->depth--;
	return rc;
}

static enum docx_style style_of(const struct docx_reader *r, xmlNode *p)
{
	xmlNode *pr = nd_docx_child(p, "pPr");
	xmlNode *ps = pr ? nd_docx_child(pr, "pStyle") : NULL;
	xmlChar *id = ps ? nd_docx_attr(ps, "val") : NULL;
	enum docx_style kind = DOCX_NORMAL;
	for (size_t i = 0; id && i < r->nstyles; i++)
		if (strcmp(r->styles[i].id, (char *)id) == 0)
			kind = r->styles[i].kind;
	/* a document without styles.xml still names the built-in ids */
	if (id && kind == DOCX_NORMAL && (strcmp((char *)id, "Title") == 0))
		kind = DOCX_TITLE;
	else if (id && kind == DOCX_NORMAL && strcmp((char *)id, "Subtitle") == 0)
		kind = DOCX_SUBTITLE;
	xmlFree(id);
	return kind;
}

/* Block content: paragraphs, and tables and content controls holding them. */
static int blocks(struct walker *w, xmlNode *n, struct nd_error *err)
{
	if (++w->depth > ND_DOCX_MAX_DEPTH)
		return nd_fail(err, ND_EINVAL, _("the document is nested more than %d deep: refused"),
			       ND_DOCX_MAX_DEPTH);
	int rc = 0;
	for (xmlNode *c = n->children; c && rc == 0; c = c->next) {
		if (nd_docx_is(c, "p")) {
			w->style = style_of(w->r, c);
			w->emphatic = true;
			w->has_text = false;
			w->in_field_code = false;
			if ((rc = inline_content(w, c, err)) == 0)
				rc = end_para(w, err);
		} else if (nd_docx_is(c, "tbl") || nd_docx_is(c, "tr") || nd_docx_is(c, "tc") ||
			   nd_docx_is(c, "sdt") || nd_docx_is(c, "sdtContent") ||
			   nd_docx_is(c, "customXml") || nd_docx_is(c, "ins") ||
			   nd_docx_is(c, "moveTo")) {
			rc = blocks(w, c, err);
		} else if (nd_docx_is(c, "del") || nd_docx_is(c, "moveFrom")) {
			w->r->d->deletions++;
		}
	}
	w->depth--;
	return rc;
}

static long chars_of(const char *s)
{
	long n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Which paragraph is the headline and which the subhead (-1: none). */
static void pick_titles(struct walker *w, long *head, long *sub, bool *guessed)
{
	*head = *sub = -1;
	*guessed = false;
	for (size_t i = 0; i < w->n; i++) {
		if (w->paras[i].style == DOCX_TITLE && *head < 0)
			*head = (long)i;
		else if (w->paras[i].style == DOCX_SUBTITLE && *sub < 0)
			*sub = (long)i;
	}
	if (*head >= 0 || w->n == 0)
		return;
	long first = *sub == 0 && w->n > 1 ? 1 : 0;
	const struct para *p = &w->paras[first];
	if ((p->style == DOCX_HEADING || p->emphatic) && chars_of(p->text) <= HEADLINE_MAX) {
		*head = first;
		*guessed = p->style != DOCX_HEADING;
	}
}

static int compose(struct walker *w, struct nd_error *err)
{
	long head, sub;
	bool guessed;
	struct nd_buf *out = &w->r->d->text;
	pick_titles(w, &head, &sub, &guessed);
	w->r->d->has_title = head >= 0 && w->paras[head].style == DOCX_TITLE;
	w->r->d->headline_guessed = guessed;
	int rc = 0;
	long first = -1, last = -1; /* the body's first and last paragraphs */
	for (size_t i = 0; i < w->n; i++)
		if ((long)i != head && !((long)i == sub && head >= 0))
			last = (long)i, first = first < 0 ? (long)i : first;
	size_t dateline = 0;
	bool byline = false;
	if (head >= 0) {
		/* With a header the filing format reads no dateline or byline out of
		 * the body: they are found here by its own rules (filing.h). */
		dateline = first >= 0 ? nd_match_dateline(w->paras[first].text) : 0;
		byline = last > first && nd_is_byline(w->paras[last].text);
		rc |= nd_buf_printf(out, "标题: %s\n", w->paras[head].text);
		if (sub >= 0)
			rc |= nd_buf_printf(out, "副题: %s\n", w->paras[sub].text);
		if (dateline)
			rc |= nd_buf_printf(out, "电头: %.*s\n", (int)dateline, w->paras[first].text);
		if (byline)
			rc |= nd_buf_printf(out, "作者: %s\n", w->paras[last].text);
		rc |= nd_buf_addc(out, '\n');
	}
	for (long i = first; i >= 0 && i <= last; i++) {
		if (i == head || (i == sub && head >= 0) || (i == last && byline))
			continue;
		rc |= nd_buf_adds(out, w->paras[i].text + (i == first ? dateline : 0));
		rc |= nd_buf_addc(out, '\n');
	}
	return rc < 0 ? nd_fail(err, ND_ENOMEM, _("out of memory")) : 0;
}

int nd_docx_body(struct docx_reader *r, xmlDoc *doc, struct nd_error *err)
{
	struct walker w = { .r = r, .cur = ND_BUF_INIT, .emphatic = true };
	xmlNode *root = xmlDocGetRootElement(doc);
	xmlNode *body = nd_docx_is(root, "document") ? nd_docx_child(root, "body") : NULL;
	int rc = body ? blocks(&w, body, err)
		      : nd_fail(err, ND_EINVAL, _("the document's body is missing"));
	if (rc == 0)
		rc = end_para(&w, err);
	if (rc == 0)
		rc = compose(&w, err);
	for (size_t i = 0; i < w.n; i++)
		free(w.paras[i].text);
	free(w.paras);
	nd_buf_free(&w.cur);
	return rc;
}
