/* docx_int.h — what docx.c (the archive, its bounds, styles, relationships
 * and pictures) shares with docx_body.c (walking word/document.xml). */
#ifndef NEWSDESK_DOCX_INT_H
#define NEWSDESK_DOCX_INT_H
#include "newsdesk/docx.h"
#include <libxml/tree.h>
#include <zip.h>

enum docx_style { DOCX_NORMAL, DOCX_TITLE, DOCX_SUBTITLE, DOCX_HEADING };

struct docx_reader {
	zip_t *za;
	struct nd_docx *d;
	size_t total; /* inflated bytes read so far */
	xmlDoc *rels; /* word/_rels/document.xml.rels, or NULL */
	struct {
		char id[64];
		enum docx_style kind;
	} styles[32];
	size_t nstyles;
};

/* WordprocessingML's namespace: elements are matched by it and their local
 * name, never by a prefix (a document may bind w: to anything). */
#define DOCX_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

bool nd_docx_is(const xmlNode *n, const char *local);
xmlNode *nd_docx_child(const xmlNode *n, const char *local);
/* A w: attribute's value (xmlFree it), or NULL. */
xmlChar *nd_docx_attr(const xmlNode *n, const char *local);
int nd_docx_xml(struct docx_reader *r, const char *name, bool required, xmlDoc **doc,
		struct nd_error *err);
/* Adds the picture relationship rid names (alt: its description). */
int nd_docx_picture(struct docx_reader *r, const char *rid, const char *alt, struct nd_error *err);
/* Walks the document's body into r->d. */
int nd_docx_body(struct docx_reader *r, xmlDoc *doc, struct nd_error *err);

#endif
