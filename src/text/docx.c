/* docx.c — the archive side of reading a Word document (docx.h): what the
 * bytes are, the bounds every part is read under, the refusals (macros,
 * encryption, bombs), the styles and relationships, the pictures. The
 * document's XML is walked in docx_body.c. */
#include "newsdesk/docx.h"
#include "docx_int.h"
#include "newsdesk/lang.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

static const unsigned char zip_magic[4] = { 'P', 'K', 3, 4 };
static const unsigned char ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static zip_t *open_zip(const void *bytes, size_t n, zip_source_t **src)
{
	zip_error_t ze;
	zip_error_init(&ze);
	*src = zip_source_buffer_create(bytes, n, 0, &ze);
	zip_t *za = *src ? zip_open_from_source(*src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
	if (!za && *src)
		zip_source_free(*src);
	zip_error_fini(&ze);
	return za;
}

enum nd_docx_kind nd_docx_sniff(const void *bytes, size_t n)
{
	if (n >= sizeof ole_magic && memcmp(bytes, ole_magic, sizeof ole_magic) == 0)
		return ND_DOCX_OLE;
	if (n < sizeof zip_magic || memcmp(bytes, zip_magic, sizeof zip_magic) != 0)
		return ND_DOCX_NOT;
	zip_source_t *src;
	zip_t *za = open_zip(bytes, n, &src);
	if (!za)
		return ND_DOCX_OTHER_ZIP;
	enum nd_docx_kind k = zip_name_locate(za, "word/document.xml", 0) >= 0 ? ND_DOCX_WORD
										 : ND_DOCX_OTHER_ZIP;
	zip_discard(za);
	return k;
}

/* ---- reading parts under the bounds ---------------------------------------- */

/* Reads entry name whole into *out (NUL-terminated), at most max bytes,
 * refusing what a bomb would make: a declared size past max or the
 * document's total, a ratio past the bound, a size that lies. ND_ENOENT
 * (no message) when there is no such entry. */
static int read_part(struct docx_reader *r, const char *name, size_t max, char **out, size_t *n,
		     struct nd_error *err)
{
	zip_int64_t i = zip_name_locate(r->za, name, 0);
	zip_stat_t sb;
	*out = NULL;
	*n = 0;
	if (i < 0)
		return ND_ENOENT;
	if (zip_stat_index(r->za, (zip_uint64_t)i, 0, &sb) < 0 || !(sb.valid & ZIP_STAT_SIZE))
		return nd_fail(err, ND_EINVAL, _("the document's part %s cannot be read"), name);
	if ((sb.valid & ZIP_STAT_ENCRYPTION_METHOD) && sb.encryption_method != ZIP_EM_NONE)
		return nd_fail(err, ND_EINVAL,
			       _("the document is encrypted: save it without a password and send it "
				 "again"));
	if (sb.size > max || sb.size > ND_DOCX_MAX_TOTAL - r->total)
		return nd_fail(err, ND_EINVAL,
			       _("the document's part %1$s inflates to %2$llu bytes, more than a "
				 "document may (%3$u MiB): refused as a zip bomb"),
			       name, (unsigned long long)sb.size, ND_DOCX_MAX_TOTAL >> 20);
	if ((sb.valid & ZIP_STAT_COMP_SIZE) && sb.size > (1u << 20) &&
	    sb.size / (sb.comp_size ? sb.comp_size : 1) > ND_DOCX_MAX_RATIO)
		return nd_fail(err, ND_EINVAL,
			       _("the document's part %1$s inflates %2$llu times: refused as a zip "
				 "bomb"),
			       name, (unsigned long long)(sb.size / (sb.comp_size ? sb.comp_size : 1)));
	zip_file_t *zf = zip_fopen_index(r->za, (zip_uint64_t)i, 0);
	char *buf = malloc(sb.size + 1);
	zip_int64_t got = zf && buf ? zip_fread(zf, buf, sb.size) : -1;
	char extra;
	/* one byte past the declared size: a header that lies is refused */
	bool more = got == (zip_int64_t)sb.size && zf && zip_fread(zf, &extra, 1) > 0;
	if (zf)
		zip_fclose(zf);
	if (got != (zip_int64_t)sb.size || more) {
		free(buf);
		return nd_fail(err, ND_EINVAL,
			       _("the document's part %s is damaged (its size or checksum does not "
				 "match)"),
			       name);
	}
	buf[sb.size] = 0;
	r->total += sb.size;
	*out = buf;
	*n = sb.size;
	return 0;
}

/* Elements nest at most ND_DOCX_MAX_DEPTH deep: counted on the bytes
 * (an open tag deepens, a close tag or an empty one does not) before
 * libxml2 builds a tree of them. */
static bool depth_ok(const char *xml, size_t n)
{
	int depth = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (xml[i] != '<')
			continue;
		char c = xml[i + 1];
		if (c == '/') {
			depth--;
		} else if (c != '?' && c != '!') {
			const char *end = memchr(xml + i, '>', n - i);
			if (!end)
				return true; /* libxml2 reports the broken tag */
			if (end[-1] != '/' && ++depth > ND_DOCX_MAX_DEPTH)
				return false;
			i = (size_t)(end - xml);
		}
	}
	return true;
}

/* Parses an XML part with no DTD (so no entity of any kind), no network,
 * and libxml2's own depth limit; *doc NULL and 0 when the part is absent
 * and optional. */
int nd_docx_xml(struct docx_reader *r, const char *name, bool required, xmlDoc **doc,
		struct nd_error *err)
{
	char *xml;
	size_t n;
	*doc = NULL;
	int rc = read_part(r, name, ND_DOCX_MAX_XML, &xml, &n, err);
	if (rc == ND_ENOENT)
		return required ? nd_fail(err, ND_EINVAL, _("the document has no %s"), name) : 0;
	if (rc < 0)
		return rc;
	if (!depth_ok(xml, n)) {
		free(xml);
		return nd_fail(err, ND_EINVAL, _("the document is nested more than %d deep: refused"),
			       ND_DOCX_MAX_DEPTH);
	}
	if (strstr(xml, "<!DOCTYPE") || strstr(xml, "<!ENTITY")) {
		free(xml);
		return nd_fail(err, ND_EINVAL,
			       _("the document's part %s declares a DTD or entities, which no Word "
				 "document does: refused"),
			       name);
	}
	*doc = xmlReadMemory(xml, (int)n, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
							     XML_PARSE_NOWARNING);
	free(xml);
	if (!*doc)
		return nd_fail(err, ND_EINVAL, _("the document's part %s is not well-formed XML"),
			       name);
	return 0;
}

/* ---- what the document is --------------------------------------------------- */

static int refuse_kind(struct docx_reader *r, struct nd_error *err)
{
	zip_int64_t entries = zip_get_num_entries(r->za, 0);
	if (entries > ND_DOCX_MAX_ENTRIES)
		return nd_fail(err, ND_EINVAL,
			       _("the document has %1$lld files inside; at most %2$d are taken"),
			       (long long)entries, ND_DOCX_MAX_ENTRIES);
	if (zip_name_locate(r->za, "word/vbaProject.bin", ZIP_FL_NOCASE) >= 0)
		return nd_fail(err, ND_EINVAL,
			       _("the document carries macros (.docm): save it as a plain .docx "
				 "and send it again"));
	xmlDoc *types;
	int rc = nd_docx_xml(r, "[Content_Types].xml", true, &types, err);
	if (rc < 0)
		return rc;
	bool macro = false;
	for (xmlNode *n = xmlDocGetRootElement(types)->children; n; n = n->next) {
		xmlChar *ct = n->type == XML_ELEMENT_NODE ? xmlGetProp(n, BAD_CAST "ContentType") : NULL;
		if (ct && (strstr((char *)ct, "macroEnabled") || strstr((char *)ct, "vbaProject")))
			macro = true;
		xmlFree(ct);
	}
	xmlFreeDoc(types);
	if (macro)
		return nd_fail(err, ND_EINVAL,
			       _("the document carries macros (.docm): save it as a plain .docx "
				 "and send it again"));
	return 0;
}

/* Style ids to what they mean: Word names the title style "Title", WPS and
 * a Chinese Word "标题"; ids are arbitrary ("a3"), names are not. */
static int read_styles(struct docx_reader *r, struct nd_error *err)
{
	xmlDoc *doc;
	int rc = nd_docx_xml(r, "word/styles.xml", false, &doc, err);
	if (rc < 0 || !doc)
		return rc;
	for (xmlNode *s = xmlDocGetRootElement(doc)->children; s; s = s->next) {
		if (!nd_docx_is(s, "style") || r->nstyles == sizeof r->styles / sizeof *r->styles)
			continue;
		xmlChar *id = nd_docx_attr(s, "styleId");
		xmlNode *nm = nd_docx_child(s, "name");
		xmlChar *name = nm ? nd_docx_attr(nm, "val") : NULL;
		enum docx_style kind = DOCX_NORMAL;
		if (name && (strcasecmp((char *)name, "Title") == 0 || strcmp((char *)name, "标题") == 0))
			kind = DOCX_TITLE;
		else if (name && (strcasecmp((char *)name, "Subtitle") == 0 ||
				  strcmp((char *)name, "副标题") == 0))
			kind = DOCX_SUBTITLE;
		else if (name && (strcasecmp((char *)name, "heading 1") == 0 ||
				  strcmp((char *)name, "标题 1") == 0))
			kind = DOCX_HEADING;
		if (id && kind != DOCX_NORMAL && strlen((char *)id) < sizeof r->styles[0].id) {
			strcpy(r->styles[r->nstyles].id, (char *)id);
			r->styles[r->nstyles++].kind = kind;
		}
		xmlFree(id);
		xmlFree(name);
	}
	xmlFreeDoc(doc);
	return 0;
}

/* Counts the elements named local under the root of an optional part. */
static int count_part(struct docx_reader *r, const char *part, const char *local, int *count,
		      struct nd_error *err)
{
	xmlDoc *doc;
	int rc = nd_docx_xml(r, part, false, &doc, err);
	if (rc < 0 || !doc)
		return rc;
	for (xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		xmlChar *type = nd_docx_is(n, local) ? nd_docx_attr(n, "type") : NULL;
		/* footnotes.xml holds two separators that are no one's note */
		if (nd_docx_is(n, local) && (!type || strcmp((char *)type, "normal") == 0))
			(*count)++;
		xmlFree(type);
	}
	xmlFreeDoc(doc);
	return 0;
}

/* ---- relationships and pictures ----------------------------------------------- */

static int read_rels(struct docx_reader *r, struct nd_error *err)
{
	return nd_docx_xml(r, "word/_rels/document.xml.rels", false, &r->rels, err);
}

/* The archive path of the relationship id's target ("media/image1.png"
 * → "word/media/image1.png"); false for an external (linked) one. */
static bool rel_target(const struct docx_reader *r, const char *id, char *path, size_t size)
{
	if (!r->rels)
		return false;
	for (xmlNode *n = xmlDocGetRootElement(r->rels)->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *rid = xmlGetProp(n, BAD_CAST "Id");
		xmlChar *target = xmlGetProp(n, BAD_CAST "Target");
		xmlChar *mode = xmlGetProp(n, BAD_CAST "TargetMode");
		bool hit = rid && target && strcmp((char *)rid, id) == 0 &&
			   !(mode && strcasecmp((char *)mode, "External") == 0);
		if (hit) {
			const char *t = (char *)target;
			if (*t == '/')
				snprintf(path, size, "%s", t + 1);
			else if (strncmp(t, "../", 3) == 0)
				snprintf(path, size, "%s", t + 3);
			else
				snprintf(path, size, "word/%s", t);
		}
		xmlFree(rid);
		xmlFree(target);
		xmlFree(mode);
		if (hit)
			return strstr(path, "..") == NULL;
	}
	return false;
}

int nd_docx_picture(struct docx_reader *r, const char *rid, const char *alt, struct nd_error *err)
{
	char path[512];
	struct nd_docx *d = r->d;
	if (!rel_target(r, rid, path, sizeof path)) {
		d->linked++;
		return 0;
	}
	for (size_t i = 0; i < d->npictures; i++) /* one picture placed twice is one photo */
		if (strcmp(d->pictures[i].name, strrchr(path, '/') ? strrchr(path, '/') + 1 : path) == 0)
			return 0;
	if (d->npictures == ND_DOCX_MAX_PICTURES)
		return nd_fail(err, ND_EINVAL, _("the document has more than %d pictures"),
			       ND_DOCX_MAX_PICTURES);
	struct nd_docx_picture *p = realloc(d->pictures, (d->npictures + 1) * sizeof *p);
	if (!p)
		return nd_fail(err, ND_ENOMEM, _("out of memory"));
	d->pictures = p;
	p = &d->pictures[d->npictures];
	memset(p, 0, sizeof *p);
	char *bytes;
	size_t n;
	int rc = read_part(r, path, ND_DOCX_MAX_TOTAL, &bytes, &n, err);
	if (rc == ND_ENOENT)
		return nd_fail(err, ND_EINVAL, _("the document names a picture %s it does not hold"),
			       path);
	if (rc < 0)
		return rc;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t len = strlen(base) < sizeof p->name - 1 ? strlen(base) : sizeof p->name - 1;
	memcpy(p->name, base, len); /* a name past 127 bytes is cut: it is only shown */
	p->name[len] = 0;
	p->bytes = bytes;
	p->n = n;
	p->alt = alt && *alt ? strdup(alt) : NULL;
	d->npictures++;
	return 0;
}

/* ---- the whole ------------------------------------------------------------------ */

int nd_docx_read(const void *bytes, size_t n, struct nd_docx *d, struct nd_error *err)
{
	memset(d, 0, sizeof *d);
	d->text = (struct nd_buf)ND_BUF_INIT;
	switch (nd_docx_sniff(bytes, n)) {
	case ND_DOCX_WORD:
		break;
	case ND_DOCX_OLE:
		return nd_fail(err, ND_EINVAL,
			       _("this is a Word 97–2003 .doc or a password-protected document: save "
				 "it as .docx without a password and send it again"));
	case ND_DOCX_OTHER_ZIP:
		return nd_fail(err, ND_EINVAL,
			       _("this is a zip archive but not a Word document (no "
				 "word/document.xml)"));
	default:
		return nd_fail(err, ND_EINVAL, _("this is not a Word document (.docx)"));
	}
	struct docx_reader r = { .d = d };
	zip_source_t *src;
	if (!(r.za = open_zip(bytes, n, &src)))
		return nd_fail(err, ND_EINVAL, _("the Word document's archive is damaged"));
	xmlDoc *body = NULL;
	int rc = refuse_kind(&r, err);
	if (rc == 0)
		rc = read_styles(&r, err);
	if (rc == 0)
		rc = read_rels(&r, err);
	if (rc == 0)
		rc = count_part(&r, "word/footnotes.xml", "footnote", &d->footnotes, err);
	if (rc == 0)
		rc = count_part(&r, "word/comments.xml", "comment", &d->comments, err);
	if (rc == 0)
		rc = nd_docx_xml(&r, "word/document.xml", true, &body, err);
	if (rc == 0)
		rc = nd_docx_body(&r, body, err);
	xmlFreeDoc(body);
	xmlFreeDoc(r.rels);
	zip_discard(r.za);
	if (rc < 0)
		nd_docx_free(d);
	return rc;
}

void nd_docx_free(struct nd_docx *d)
{
	for (size_t i = 0; i < d->npictures; i++) {
		free(d->pictures[i].bytes);
		free(d->pictures[i].alt);
	}
	free(d->pictures);
	nd_buf_free(&d->text);
	memset(d, 0, sizeof *d);
}

int nd_docx_notes(const struct nd_docx *d, struct nd_buf *out)
{
	int rc = 0;
	if (d->insertions || d->deletions)
		rc |= nd_buf_printf(out, _("tracked changes taken as accepted (insertions: %1$d, "
					   "deletions: %2$d)\n"),
				    d->insertions, d->deletions);
	if (d->footnotes)
		rc |= nd_buf_printf(out, ngettext("%d footnote dropped\n", "%d footnotes dropped\n",
						  (unsigned long)d->footnotes),
				    d->footnotes);
	if (d->comments)
		rc |= nd_buf_printf(out, ngettext("%d comment dropped\n", "%d comments dropped\n",
						  (unsigned long)d->comments),
				    d->comments);
	if (d->fields)
		rc |= nd_buf_printf(out, ngettext("%d field taken as its shown text\n",
						  "%d fields taken as their shown text\n",
						  (unsigned long)d->fields),
				    d->fields);
	if (d->linked)
		rc |= nd_buf_printf(out, ngettext("%d linked picture not in the document: not "
						  "attached\n",
						  "%d linked pictures not in the document: not "
						  "attached\n",
						  (unsigned long)d->linked),
				    d->linked);
	if (d->headline_guessed)
		rc |= nd_buf_adds(out, _("no title style: the first bold or large paragraph is the "
					 "headline\n"));
	return rc < 0 ? -1 : 0;
}
