/* test_photo.c — the photo validator: each format read by its own library
 * whatever the name, width and height, EXIF fields sanitised, and the
 * hostile files (truncated, a decompression bomb, text named .jpg, too
 * large) refused with a message naming the problem. The pictures are made
 * fresh by tools/mkphotos.py. */
#include "newsdesk/photo.h"
#include "newsdesk/tui_photo.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static char *slurp(const char *name, size_t *n)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)len + 1);
	*n = fread(b, 1, (size_t)len, f);
	fclose(f);
	return b;
}

static int inspect(const char *name, struct nd_photo_info *info, struct nd_error *err)
{
	size_t n = 0;
	char *b = slurp(name, &n);
	if (!b)
		return -100;
	memset(err, 0, sizeof *err);
	int rc = nd_photo_inspect(b, n, 0, info, err);
	free(b);
	return rc;
}

static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

static void good(void)
{
	struct nd_photo_info info;
	struct nd_error err;
	ok(inspect("1.jpg", &info, &err) == 0, "a JPEG is accepted (%s)", err.msg);
	is_str(nd_photo_format_name(info.format), "jpeg", "its format");
	is_int(info.width, 320, "its width");
	is_int(info.height, 240, "its height");
	is_str(info.date, "2024:05:01 10:20:30", "EXIF DateTimeOriginal");
	is_str(info.camera, "Canon EOS R5", "EXIF make and model, said once");
	ok(strstr(info.caption, "一线职工") != NULL, "EXIF caption kept: %s", info.caption);
	ok(!has_control(info.caption), "the caption's escape sequences are made inert");
	ok(strstr(info.caption, "pwned") != NULL, "and the text around them kept");

	ok(inspect("2.png", &info, &err) == 0, "a PNG is accepted (%s)", err.msg);
	is_str(nd_photo_format_name(info.format), "png", "its format");
	is_int(info.width, 160, "its width");
	is_int(info.height, 100, "its height");
	is_str(info.camera, "NIKON Z 6", "the PNG's eXIf chunk read");
	is_str(info.caption, "车间里的工人", "its caption");

	ok(inspect("4.jpg", &info, &err) == 0, "a progressive JPEG is accepted (%s)", err.msg);
	is_str(info.date, "", "no EXIF: no date");

	if (inspect("5.webp", &info, &err) == -100) {
		ok(1, "# SKIP cwebp is not installed: no WebP to read");
	} else {
		ok(inspect("5.webp", &info, &err) == 0, "a WebP is accepted (%s)", err.msg);
		is_str(nd_photo_format_name(info.format), "webp", "its format");
		is_int(info.width, 64, "its width");
	}
}

static void refused(const char *name, const char *why)
{
	struct nd_photo_info info;
	struct nd_error err;
	int rc = inspect(name, &info, &err);
	ok(rc == ND_EINVAL && strstr(err.msg, why), "%s refused: %s", name, err.msg);
}

static void hostile(void)
{
	refused("truncated.jpg", "truncated");
	refused("truncated.png", "truncated");
	refused("bomb.png", "before decoding");
	refused("story.jpg", "only JPEG, PNG and WebP");

	size_t n = 0;
	char *b = slurp("1.jpg", &n);
	struct nd_photo_info info;
	struct nd_error err = { 0 };
	ok(nd_photo_inspect(b, n, 1000, &info, &err) == ND_EINVAL &&
	       strstr(err.msg, "over the limit"),
	   "a photo over the byte limit refused: %s", err.msg);
	/* every prefix of a JPEG is refused, never accepted as a whole picture */
	int accepted = 0;
	for (size_t cut = 0; cut < n; cut += 97)
		if (nd_photo_inspect(b, cut, 0, &info, &err) == 0)
			accepted++;
	is_int(accepted, 0, "no prefix of a JPEG passes as the picture");
	free(b);
}

static void thumbnail(void)
{
	size_t n = 0;
	char *b = slurp("2.png", &n);
	uint8_t *px = NULL;
	int w = 0, h = 0;
	struct nd_error err = { 0 };
	ok(nd_photo_thumbnail(b, n, 40, 40, &px, &w, &h, &err) == 0, "a thumbnail (%s)", err.msg);
	is_int(w, 40, "fits the width");
	is_int(h, 25, "keeps the aspect ratio");
	/* the gradient: red grows to the right */
	ok(px && px[0] < px[(size_t)(w - 1) * 4], "its pixels are the picture's");
	free(px);
	free(b);
	b = slurp("1.jpg", &n);
	ok(nd_photo_thumbnail(b, n, 50, 50, &px, &w, &h, &err) == 0, "a JPEG's thumbnail");
	is_int(w, 50, "scaled while decoding, to the width");
	is_int(h, 37, "and the height in proportion");
	free(px);
	free(b);
}

/* The desk's preview: graphics only where known, symbols where UTF-8 can
 * show them, nothing on a terminal that cannot. */
static void preview_modes(void)
{
	static const struct {
		struct tui_photo_env env;
		const char *want;
	} cases[] = {
		{ { NULL, "xterm-256color", NULL, false, false, true }, "symbols" },
		{ { NULL, "xterm-256color", NULL, false, false, false }, "none" },
		{ { NULL, "vt100", NULL, false, false, true }, "none" },
		{ { NULL, "linux", NULL, false, false, true }, "none" },
		{ { NULL, "dumb", NULL, false, false, true }, "none" },
		{ { NULL, NULL, NULL, false, false, true }, "none" },
		{ { NULL, "xterm-kitty", NULL, false, false, true }, "kitty" },
		{ { NULL, "xterm-256color", NULL, true, false, true }, "kitty" },
		{ { NULL, "xterm-kitty", NULL, true, true, true }, "symbols" },
		{ { NULL, "tmux-256color", NULL, false, false, true }, "symbols" },
		{ { NULL, "foot", NULL, false, false, true }, "sixel" },
		{ { NULL, "xterm-256color", "WezTerm", false, false, true }, "sixel" },
		{ { "none", "xterm-kitty", NULL, false, false, true }, "none" },
		{ { "symbols", "vt100", NULL, false, false, true }, "symbols" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char name[96];
		snprintf(name, sizeof name, "preview under TERM=%s%s%s",
			 cases[i].env.term ? cases[i].env.term : "",
			 cases[i].env.multiplexer ? " in tmux" : "",
			 cases[i].env.utf8 ? "" : " without UTF-8");
		is_str(tui_photo_mode_name(tui_photo_mode(&cases[i].env)), cases[i].want, name);
	}
}

int main(void)
{
	setlocale(LC_ALL, ""); /* the sanitiser asks wcwidth what can be drawn */
	snprintf(dir, sizeof dir, "/tmp/nd-photo-%d", (int)getpid());
	char cmd[160];
	snprintf(cmd, sizeof cmd, "python3 tools/mkphotos.py %s", dir);
	if (system(cmd) != 0) {
		ok(0, "tools/mkphotos.py made the test pictures");
		return tap_done();
	}
	good();
	hostile();
	thumbnail();
	preview_modes();
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		ok(0, "removed %s", dir);
	return tap_done();
}
