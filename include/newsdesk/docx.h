/* docx.h — a correspondent's Word document (.docx, also WPS's) read as a
 * filing: the text of word/document.xml in the filing format (the title
 * style, or a first bold or large paragraph, as the headline; the subtitle
 * style as the subhead; paragraphs one a line), tracked changes taken as
 * accepted, fields as their shown text, footnotes and comments dropped —
 * each said in notes — and the pictures embedded in it, with their alt text.
 * libzip reads the archive and libxml2 the XML, with no DTD, no entity and
 * no network; every size a hostile document can drive is bounded. */
#ifndef NEWSDESK_DOCX_H
#define NEWSDESK_DOCX_H
#include "newsdesk/buf.h"
#include "newsdesk/error.h"
#include <stdbool.h>
#include <stddef.h>

/* Bounds on what a document may make newsdesk read. */
#define ND_DOCX_MAX_ENTRIES 2000 /* files in the archive */
#define ND_DOCX_MAX_XML (16u << 20) /* inflated bytes of one XML part */
#define ND_DOCX_MAX_TOTAL (96u << 20) /* inflated bytes of everything read */
#define ND_DOCX_MAX_RATIO 200 /* inflated : compressed, past the first MiB */
#define ND_DOCX_MAX_DEPTH 128 /* nesting of XML elements */
#define ND_DOCX_MAX_PICTURES 64

enum nd_docx_kind {
	ND_DOCX_NOT, /* not an archive at all */
	ND_DOCX_WORD, /* a Word document */
	ND_DOCX_OTHER_ZIP, /* a zip archive, not a Word document */
	ND_DOCX_OLE, /* an OLE file: a .doc, or an encrypted .docx */
};

/* What the bytes look like, from their signature and the archive's
 * directory: cheap, before anything is inflated. */
enum nd_docx_kind nd_docx_sniff(const void *bytes, size_t n);

struct nd_docx_picture {
	char name[128]; /* the part's file name (image1.jpeg) */
	char *alt; /* the picture's description or title; NULL when none */
	void *bytes;
	size_t n;
};

struct nd_docx {
	struct nd_buf text; /* the filing: an optional header, a blank line, the body */
	struct nd_docx_picture *pictures;
	size_t npictures;
	/* What the reading changed, for the notes the filer is shown. */
	int footnotes, comments, insertions, deletions, fields, linked, headline_guessed;
	bool has_title; /* the headline came from the title style */
};

/* Reads a .docx. ND_EINVAL (message naming the reason) for anything else or
 * anything hostile: not a Word document, a macro document (.docm), an
 * encrypted one, a DTD, nesting too deep, an archive past the bounds. */
int nd_docx_read(const void *bytes, size_t n, struct nd_docx *d, struct nd_error *err);
void nd_docx_free(struct nd_docx *d);

/* The notes for the filer, one line each ("2 footnotes dropped"), in the
 * reader's language; appended to out. */
int nd_docx_notes(const struct nd_docx *d, struct nd_buf *out);

#endif
