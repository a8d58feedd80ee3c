/* walcheck.c — what the database's -wal says, read as SQLite reads it
 * (the WAL file format: a 32-byte header, then frames of a 24-byte header
 * and one page, each checksummed in a chain seeded by the header). SQLite
 * replays frames up to the first one whose salts or checksum do not match,
 * and silently ignores the rest; a commit written after such a frame is
 * lost without a word. check says so, and says how much of the database
 * lives only in the -wal (what a plain copy of the database file misses). */
#include "newsdesk/walcheck.h"
#include "newsdesk/lang.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WAL_MAGIC 0x377f0682u
#define WAL_HEADER 32
#define FRAME_HEADER 24

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* SQLite's WAL checksum over n bytes (n a multiple of 8), continuing s. */
static void checksum(bool big, const unsigned char *a, size_t n, uint32_t s[2])
{
	for (size_t i = 0; i + 8 <= n; i += 8) {
		s[0] += (big ? be32(a + i) : le32(a + i)) + s[1];
		s[1] += (big ? be32(a + i + 4) : le32(a + i + 4)) + s[0];
	}
}

/* nBackfill from the -shm when its header describes this WAL (same
 * salts, both copies equal); -1 when it cannot be trusted. */
static long backfilled(const char *db_path, const unsigned char *salts)
{
	char path[4200];
	unsigned char shm[136];
	snprintf(path, sizeof path, "%s-shm", db_path);
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t got = fread(shm, 1, sizeof shm, f);
	fclose(f);
	if (got < sizeof shm || memcmp(shm, shm + 48, 48) != 0 || memcmp(shm + 32, salts, 8) != 0)
		return -1;
	uint32_t n;
	memcpy(&n, shm + 96, 4); /* native byte order, as SQLite keeps it */
	return (long)n;
}

static int scan_frames(FILE *f, struct nd_wal_report *r, const unsigned char *hdr, bool big,
		       uint32_t *pages, size_t npages_cap)
{
	size_t fsize = FRAME_HEADER + (size_t)r->page_size;
	unsigned char *frame = malloc(fsize);
	if (!frame)
		return -1;
	uint32_t s[2] = { be32(hdr + 24), be32(hdr + 28) };
	bool chain = !r->header_bad;
	long pending_from = r->backfilled >= 0 ? r->backfilled : 0;
	for (long k = 1; fread(frame, 1, fsize, f) == fsize; k++) {
		r->frames++;
		bool ours = memcmp(frame + 8, hdr + 16, 8) == 0;
		bool commit = be32(frame + 4) != 0;
		if (chain) {
			checksum(big, frame, 8, s);
			checksum(big, frame + FRAME_HEADER, (size_t)r->page_size, s);
			if (ours && be32(frame) != 0 && s[0] == be32(frame + 16) &&
			    s[1] == be32(frame + 20)) {
				r->valid = k;
				if (commit)
					r->committed = k;
				continue;
			}
			chain = false;
			if (ours)
				r->bad_at = k;
		} else if (ours && r->bad_at) {
			r->after_bad++;
			if (commit)
				r->commits_after_bad++;
		}
	}
	/* distinct pages of the committed frames the database file lacks */
	fseek(f, WAL_HEADER + (long)fsize * pending_from, SEEK_SET);
	for (long k = pending_from + 1; k <= r->committed; k++) {
		if (fread(frame, 1, FRAME_HEADER, f) != FRAME_HEADER ||
		    fseek(f, r->page_size, SEEK_CUR) != 0)
			break;
		uint32_t pg = be32(frame);
		size_t i = 0;
		while (i < (size_t)r->pages_pending && pages[i] != pg)
			i++;
		if (i == (size_t)r->pages_pending && i < npages_cap)
			pages[r->pages_pending++] = pg;
	}
	free(frame);
	return 0;
}

int nd_wal_inspect(const char *db_path, struct nd_wal_report *r, struct nd_error *err)
{
	char path[4200];
	unsigned char hdr[WAL_HEADER];
	memset(r, 0, sizeof *r);
	r->backfilled = -1;
	snprintf(path, sizeof path, "%s-wal", db_path);
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno == ENOENT ? 0
				       : nd_fail(err, ND_EIO, _("cannot read %1$s: %2$s"), path,
						 strerror(errno));
	r->present = true;
	fseek(f, 0, SEEK_END);
	r->bytes = ftell(f);
	rewind(f);
	if (fread(hdr, 1, WAL_HEADER, f) != WAL_HEADER) {
		fclose(f);
		return 0; /* empty or shorter than a header: nothing SQLite would read */
	}
	uint32_t magic = be32(hdr), s[2] = { 0, 0 };
	r->page_size = (int)be32(hdr + 8);
	bool big = (magic & 1) != 0;
	checksum(big, hdr, 24, s);
	if ((magic & ~1u) != WAL_MAGIC || r->page_size < 512 || r->page_size > 65536 ||
	    (r->page_size & (r->page_size - 1)) || s[0] != be32(hdr + 24) || s[1] != be32(hdr + 28))
		r->header_bad = true;
	if (r->page_size < 512 || r->page_size > 65536 || (r->page_size & (r->page_size - 1))) {
		fclose(f);
		return 0;
	}
	r->backfilled = backfilled(db_path, hdr + 16);
	/* at most 64Ki distinct pages are counted: enough to say "how much" */
	size_t cap = 65536;
	uint32_t *pages = malloc(cap * sizeof *pages);
	int rc = pages ? scan_frames(f, r, hdr, big, pages, cap) : -1;
	free(pages);
	fclose(f);
	return rc < 0 ? nd_fail(err, ND_ENOMEM, _("out of memory reading %s"), path) : 0;
}

/* SQLite deletes the -wal when the last connection closes, damaged or
 * not: a damaged one is copied aside first, for whoever investigates. */
static void keep_copy(const char *db_path, struct nd_buf *report)
{
	char from[4200], to[4300];
	snprintf(from, sizeof from, "%s-wal", db_path);
	snprintf(to, sizeof to, "%s-wal.damaged-%lld", db_path, (long long)time(NULL));
	FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wbx") : NULL;
	char buf[65536];
	size_t got;
	bool ok = in && out;
	while (ok && (got = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, got, out) == got;
	ok = ok && !ferror(in) && fflush(out) == 0 && fsync(fileno(out)) == 0;
	if (out && fclose(out) != 0)
		ok = false;
	if (in)
		fclose(in);
	if (ok)
		nd_buf_printf(report, _("wal: a copy of the damaged -wal is kept as %s\n"), to);
	else
		remove(to);
}

int nd_wal_check(const char *db_path, struct nd_buf *report)
{
	struct nd_wal_report r;
	struct nd_error err = { 0 };
	if (nd_wal_inspect(db_path, &r, &err) < 0) {
		nd_buf_printf(report, "wal: %s\n", err.msg);
		return 1;
	}
	if (!r.present || r.frames == 0)
		return 0;
	if (r.header_bad || (r.bad_at && r.commits_after_bad)) {
		/* A writer may be halfway through a frame or a WAL restart as
		 * we read: damage is what is still there a moment later. */
		struct nd_wal_report again;
		struct timespec pause = { 0, 200 * 1000000L };
		nanosleep(&pause, NULL);
		if (nd_wal_inspect(db_path, &again, &err) < 0)
			return 0;
		if (again.header_bad != r.header_bad || again.bad_at != r.bad_at) {
			r = again;
			r.header_bad = false;
			r.bad_at = 0;
		}
	}
	int problems = 0;
	if (r.header_bad) {
		nd_buf_printf(
		    report,
		    _("wal: the -wal's header is damaged or tampered with (magic, page size "
		      "or checksum): SQLite ignores all %ld frames in it\n"),
		    r.frames);
		return 1;
	}
	if (r.bad_at && r.commits_after_bad) {
		nd_buf_printf(
		    report,
		    _("wal: frame %1$ld of %2$ld fails its checksum, and %3$ld later frames of this "
		      "WAL (%4$ld of them commits) come after it: the -wal is damaged or "
		      "tampered with, and SQLite silently ignores those commits\n"),
		    r.bad_at, r.frames, r.after_bad, r.commits_after_bad);
		keep_copy(db_path, report);
		problems++;
	}
	long pending = r.committed - (r.backfilled > 0 ? r.backfilled : 0);
	if (pending > 0) {
		nd_buf_printf(report,
			      ngettext("wal: %ld committed frame", "wal: %ld committed frames",
				       (unsigned long)pending),
			      pending);
		nd_buf_printf(report,
			      ngettext(" (%1$ld page, %2$lld KiB) ", " (%1$ld pages, %2$lld KiB) ",
				       (unsigned long)r.pages_pending),
			      r.pages_pending, (long long)pending * r.page_size / 1024);
		nd_buf_adds(report,
			    r.backfilled < 0
				? _("may be only in the -wal, not yet in the database file: a "
				    "plain copy of the database file alone would miss them "
				    "('newsdesk backup' does not)\n")
				: _("are only in the -wal, not yet in the database file: a "
				    "plain copy of the database file alone would miss them "
				    "('newsdesk backup' does not)\n"));
	}
	return problems;
}
