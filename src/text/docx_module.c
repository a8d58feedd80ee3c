/* docx_module.c — Word documents through the module nd_docx (docx.c,
 * docx_body.c, with libzip and libxml2), opened the first time a filing's
 * bytes look like an archive: a text filing never loads those libraries. */
#include "newsdesk/docx.h"
#include "newsdesk/module.h"

#include <string.h>

typedef enum nd_docx_kind (*sniff_fn)(const void *, size_t);
typedef int (*read_fn)(const void *, size_t, struct nd_docx *, struct nd_error *);
typedef void (*free_fn)(struct nd_docx *);
typedef int (*notes_fn)(const struct nd_docx *, struct nd_buf *);

enum nd_docx_kind nd_docx_sniff(const void *bytes, size_t n)
{
	/* the signatures first, here: only an archive or an OLE file opens the module */
	if (n < 4 || (memcmp(bytes, "PK\3\4", 4) != 0 && memcmp(bytes, "\xD0\xCF\x11\xE0", 4) != 0))
		return ND_DOCX_NOT;
	struct nd_error err = { 0 };
	sniff_fn f = (sniff_fn)nd_module_symbol("nd_docx", "nd_docx_sniff", &err);
	/* without the module an archive is still no story: the reading says why */
	return f ? f(bytes, n) : ND_DOCX_OTHER_ZIP;
}

int nd_docx_read(const void *bytes, size_t n, struct nd_docx *d, struct nd_error *err)
{
	memset(d, 0, sizeof *d);
	read_fn f = (read_fn)nd_module_symbol("nd_docx", "nd_docx_read", err);
	return f ? f(bytes, n, d, err) : ND_EIO;
}

void nd_docx_free(struct nd_docx *d)
{
	struct nd_error err = { 0 };
	free_fn f = (free_fn)nd_module_symbol("nd_docx", "nd_docx_free", &err);
	if (f)
		f(d);
}

int nd_docx_notes(const struct nd_docx *d, struct nd_buf *out)
{
	struct nd_error err = { 0 };
	notes_fn f = (notes_fn)nd_module_symbol("nd_docx", "nd_docx_notes", &err);
	return f ? f(d, out) : -1;
}
