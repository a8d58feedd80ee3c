/* galley_module.c — galley proofs through the module nd_galley (galley.c,
 * galley_pdf.c, with Pango, Cairo and their fonts), opened the first time a
 * proof is drawn: no other command loads those libraries. */
#include "newsdesk/galley.h"
#include "newsdesk/module.h"

typedef int (*render_fn)(const struct nd_galley_doc *, nd_galley_write_fn, void *,
			 struct nd_error *);

int nd_galley_render(const struct nd_galley_doc *d, nd_galley_write_fn write, void *ctx,
		     struct nd_error *err)
{
	render_fn f = (render_fn)nd_module_symbol("nd_galley", "nd_galley_render", err);
	return f ? f(d, write, ctx, err) : ND_EIO;
}
