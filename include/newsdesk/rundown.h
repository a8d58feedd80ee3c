/* rundown.h — the printed rundown of an issue, in text (columns by display
 * width, for the terminal and `| lp`), CSV, JSON or HTML. */
#ifndef NEWSDESK_RUNDOWN_H
#define NEWSDESK_RUNDOWN_H

#include "newsdesk/buf.h"
#include "newsdesk/planning.h"

enum nd_rundown_format { ND_RUNDOWN_TEXT, ND_RUNDOWN_CSV, ND_RUNDOWN_JSON, ND_RUNDOWN_HTML };

/* Renders r; width is the paper's (text only); printed_at the time shown. */
int nd_rundown_render(const struct nd_rundown *r, enum nd_rundown_format format, int width,
		      int64_t printed_at, struct nd_buf *out);

/* What is still open before the issue goes out, in the reader's language:
 * pages over budget, items with review notes on their current revision,
 * items not signed off ("" when nothing is). For the publish question and
 * the output of publish. */
void nd_rundown_open(const struct nd_rundown *r, struct nd_buf *out);

#endif
