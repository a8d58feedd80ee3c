/* tar.h — reading the one tar stream newsdesk takes: a story and its
 * pictures (tar c story.txt *.jpg | ssh desk@paper file --tar). Only what
 * is allowed is read: ustar headers with good checksums, regular files
 * with plain names (no folder, no "..", no leading dot) and a known
 * extension; pax headers are skipped (their size bounded), everything else
 * (folders, links, devices, GNU long names) refused. Pure: no SQLite. */
#ifndef NEWSDESK_TAR_H
#define NEWSDESK_TAR_H

#include "newsdesk/error.h"

#include <stddef.h>

enum nd_tar_kind { ND_TAR_STORY, ND_TAR_PHOTO };

struct nd_tar_entry {
	char name[101];
	enum nd_tar_kind kind; /* by the extension: .txt a story, .jpg .jpeg .png .webp a photo */
	const char *data; /* inside the buffer read */
	size_t size;
};

/* Reads the entries of buf[0..n) into out (at most max_entries, each at
 * most max_size bytes); *count receives how many. ND_EINVAL naming the
 * entry and what is wrong. */
int nd_tar_read(const char *buf, size_t n, size_t max_entries, size_t max_size,
		struct nd_tar_entry *out, size_t *count, struct nd_error *err);

#endif
