/* cmd_photos.c — attach and photo: a reporter's pictures onto their item
 * (over SSH on standard input, with the same size and digest checks as
 * file), and the photo desk's list, bytes, captions and order. */
#include "newsdesk/buf.h"
#include "newsdesk/cli.h"
#include "newsdesk/count.h"
#include "newsdesk/files.h"
#include "newsdesk/filing.h"
#include "newsdesk/html.h"
#include "newsdesk/json.h"
#include "newsdesk/lang.h"
#include "newsdesk/photos.h"
#include "newsdesk/sha256.h"
#include "newsdesk/tar.h"
#include "newsdesk/width.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Reads all of f up to max bytes; one byte more is refused without
 * reading the rest. */
static int read_photo(FILE *f, const char *name, int64_t max, struct nd_buf *b,
		      struct nd_error *err)
{
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (nd_buf_add(b, chunk, got) < 0)
			return nd_fail(err, ND_ENOMEM, _("out of memory"));
		if ((int64_t)b->len > max)
			return nd_fail(
			    err, ND_EINVAL,
			    _("%1$s is over the limit of %2$lld bytes (%3$lld MiB) a photo "
			      "may have; nothing was stored"),
			    name, (long long)max, (long long)(max >> 20));
	}
	if (ferror(f))
		return nd_fail(err, ND_EIO, _("cannot read %1$s: %2$s"), name, strerror(errno));
	return 0;
}

struct attach_opts {
	const char *name, *caption, *sha256;
	long long bytes; /* -1: not given */
};

/* The sender's size and digest: a cut connection looks like an end. */
static int check_arrival(const struct nd_buf *in, const struct attach_opts *o, struct nd_error *err)
{
	if (o->bytes >= 0 && (long long)in->len != o->bytes)
		return nd_fail(err, ND_EINVAL,
			       _("received %1$zu bytes but --bytes says %2$lld: the upload was cut "
				 "short or changed; nothing was stored, send it again"),
			       in->len, o->bytes);
	if (o->sha256) {
		char hex[65];
		nd_sha256_hex(in->data ? in->data : "", in->len, hex);
		if (strcasecmp(hex, o->sha256) != 0)
			return nd_fail(
			    err, ND_EINVAL,
			    _("the SHA-256 of what arrived is %1$s, not %2$s: the upload "
			      "was cut short or changed; nothing was stored, send it "
			      "again"),
			    hex, o->sha256);
	}
	return 0;
}

static int attach_one(struct nd_cli *cli, int64_t id, FILE *f, const char *name,
		      const struct attach_opts *o)
{
	struct nd_error err = { 0 };
	struct nd_photo_limits lim;
	struct nd_buf in = ND_BUF_INIT;
	struct nd_attach_result res;
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	int rc = nd_photo_limits(cli->st, &lim, &err);
	if (rc == 0)
		rc = read_photo(f, base, lim.photo_bytes, &in, &err);
	if (rc == 0)
		rc = check_arrival(&in, o, &err);
	if (rc == 0)
		rc = nd_photo_attach(cli->st, &cli->actor, id, o->name ? o->name : base, o->caption,
				     in.data ? in.data : "", in.len, &res, &err);
	nd_buf_free(&in);
	if (rc < 0) {
		char *clean = nd_sanitized(base, 0);
		nd_error_prefix(&err, "%s: ", clean ? clean : "?");
		free(clean);
		return nd_cli_fail(&err);
	}
	/* printed only after COMMIT: the reporter may rely on it */
	if (res.duplicate)
		printf(_("already attached: photo %1$d of #%2$lld\n"), res.n, (long long)id);
	else
		printf(_("attached photo %1$d to #%2$lld: %3$s %4$d×%5$d\n"), res.n, (long long)id,
		       nd_photo_format_name(res.info.format), res.info.width, res.info.height);
	return ND_EXIT_OK;
}

int nd_cmd_attach(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_attach_args *a = args;
	struct attach_opts o = { a->name, a->caption, a->sha256, a->bytes };
	int rc;
	int64_t id = a->npos > 0 ? nd_cli_parse_id(a->pos[0]) : 0;
	if (!id)
		return nd_cli_usage(cmd, _("attach needs the item's ID"));
	/* over SSH a picture comes on standard input, never from the server */
	if (cli->ssh && a->npos > 1)
		return nd_cli_usage(cmd,
				    _("refused: over SSH a photo comes on standard input, never "
				      "from a file on the server"));
	if (a->npos > 2 && (o.name || o.bytes >= 0 || o.sha256))
		return nd_cli_usage(cmd,
				    _("--name, --bytes and --sha256 describe one photo: give one "
				      "FILE at most"));
	if (a->npos == 1 && !o.name)
		return nd_cli_usage(cmd, _("a photo on standard input needs --name"));
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	if (a->npos == 1)
		return attach_one(cli, id, stdin, "<stdin>", &o);
	int worst = ND_EXIT_OK;
	for (int i = 1; i < a->npos; i++) {
		FILE *f;
		if (nd_open_input(a->pos[i], &f, &err) < 0) {
			rc = nd_cli_fail(&err);
		} else {
			rc = attach_one(cli, id, f, a->pos[i], &o);
			fclose(f);
		}
		if (rc != ND_EXIT_OK && worst == ND_EXIT_OK)
			worst = rc;
	}
	return worst;
}

/* ---- photo list | get | caption | move | detach ----------------------------- */

static void list_photos(const struct nd_photo *p, size_t n)
{
	struct nd_buf line = ND_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		char num[16], dim[32], size[32];
		snprintf(num, sizeof num, "%d", p[i].n);
		snprintf(dim, sizeof dim, "%d×%d", p[i].width, p[i].height);
		nd_format_count((long)p[i].size, size, sizeof size);
		char *name = nd_sanitized(p[i].name, 0);
		char *cap = nd_sanitized(p[i].caption, 0);
		nd_buf_reset(&line);
		nd_fit(&line, num, 3, true, ND_ALIGN_RIGHT);
		nd_buf_adds(&line, "  ");
		nd_fit(&line, name ? name : "", 20, true, ND_ALIGN_LEFT);
		nd_buf_adds(&line, "  ");
		nd_fit(&line, dim, 11, true, ND_ALIGN_LEFT);
		nd_fit(&line, size, 12, true, ND_ALIGN_RIGHT);
		nd_buf_adds(&line, "  ");
		/* EXIF fields were sanitised as they were read (photo.c) */
		nd_fit(&line, p[i].exif_date[0] ? p[i].exif_date : "-", 19, true, ND_ALIGN_LEFT);
		nd_buf_adds(&line, "  ");
		nd_buf_adds(&line, cap ? cap : "");
		while (line.len && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		nd_buf_addc(&line, '\n');
		fputs(nd_buf_str(&line), stdout);
		free(name);
		free(cap);
	}
	nd_buf_free(&line);
}

/* photo get writes bytes: never to a terminal (they are a reporter's,
 * and a picture's bytes would be read as commands by it). */
static int photo_get(struct nd_cli *cli, int64_t id, int n)
{
	if (isatty(STDOUT_FILENO)) {
		fprintf(stderr, "newsdesk: %s\n",
			_("photo get writes the picture's bytes: send them to a file "
			  "(newsdesk photo get ID N > photo.jpg) or a pipe, not a terminal"));
		return ND_EXIT_USAGE;
	}
	struct nd_error err = { 0 };
	struct nd_photo p;
	void *bytes;
	size_t len;
	if (nd_photo_get(cli->st, &cli->actor, id, n, &p, &bytes, &len, &err) < 0)
		return nd_cli_fail(&err);
	size_t put = fwrite(bytes, 1, len, stdout);
	free(bytes);
	nd_photo_free(&p);
	if (put != len || fflush(stdout) != 0) {
		nd_fail(&err, ND_EIO, _("writing the photo failed: %1$s"), strerror(errno));
		return nd_cli_fail(&err);
	}
	return ND_EXIT_OK;
}

static int photo_number(const struct nd_command *cmd, const char *s, int *n)
{
	long long v;
	if (nd_cli_parse_number(s, 1, 1000, &v) < 0)
		return nd_cli_usage(cmd, _("a photo is named by its place: 1, 2, …"));
	*n = (int)v;
	return 0;
}

/* The words after ID N: a caption (joined by spaces), or a place. */
static int photo_change(struct nd_cli *cli, const struct nd_command *cmd, int64_t id, int n,
			int nwords, char **words)
{
	struct nd_error err = { 0 };
	int rc;
	if (strcmp(cmd->name, "caption") == 0) {
		struct nd_buf text = ND_BUF_INIT;
		for (int i = 0; i < nwords; i++) {
			if (i)
				nd_buf_addc(&text, ' ');
			nd_buf_adds(&text, words[i]);
		}
		rc = nd_photo_caption(cli->st, &cli->actor, id, n, nd_buf_str(&text), &err);
		nd_buf_free(&text);
		if (rc == 0)
			printf(_("photo %1$d of #%2$lld: caption saved\n"), n, (long long)id);
	} else if (strcmp(cmd->name, "move") == 0) {
		int to = 0;
		if (nwords != 1 || (rc = photo_number(cmd, words[0], &to)) != 0)
			return nwords != 1 ? nd_cli_usage(cmd, _("move needs ID N TO")) : rc;
		if ((rc = nd_photo_move(cli->st, &cli->actor, id, n, to, &err)) == 0)
			printf(_("photo %1$d of #%2$lld is now photo %3$d\n"), n, (long long)id,
			       to);
	} else {
		if (nwords)
			return nd_cli_usage(cmd, _("detach takes ID N"));
		if ((rc = nd_photo_detach(cli->st, &cli->actor, id, n, &err)) == 0)
			printf(_("photo %1$d taken off #%2$lld (kept in its history)\n"), n,
			       (long long)id);
	}
	return rc < 0 ? nd_cli_fail(&err) : ND_EXIT_OK;
}

int nd_cmd_photo(struct nd_cli *cli, const struct nd_command *cmd, void *args)
{
	const struct nd_words *a = args;
	int rc = 0, n = 0;
	bool list = strcmp(cmd->name, "list") == 0;
	int64_t id = a->npos > 0 ? nd_cli_parse_id(a->pos[0]) : 0;
	if (!id)
		return nd_cli_usage(cmd, _("the item's ID is missing"));
	if (!list && (a->npos < 2 || (rc = photo_number(cmd, a->pos[1], &n)) != 0))
		return a->npos < 2 ? nd_cli_usage(cmd, _("which photo? give its place: 1, 2, …"))
				   : rc;
	if (list && a->npos > 1)
		return nd_cli_usage(cmd, _("list takes only the item's ID"));
	if (strcmp(cmd->name, "caption") == 0 && a->npos < 3)
		return nd_cli_usage(cmd, _("caption needs the new caption's text"));
	struct nd_error err = { 0 };
	if (nd_cli_open(cli, 0, &err) < 0)
		return nd_cli_fail(&err);
	if (strcmp(cmd->name, "get") == 0)
		return a->npos > 2 ? nd_cli_usage(cmd, _("get takes ID N")) : photo_get(cli, id, n);
	if (!list)
		return photo_change(cli, cmd, id, n, a->npos - 2, a->pos + 2);
	struct nd_photo *p;
	size_t np;
	if (nd_photo_list(cli->st, &cli->actor, id, &p, &np, &err) < 0)
		return nd_cli_fail(&err);
	if (np == 0)
		printf(_("#%1$lld has no photos\n"), (long long)id);
	list_photos(p, np);
	nd_photos_free(p, np);
	return ND_EXIT_OK;
}

/* ---- export ------------------------------------------------------------------ */

int nd_cli_export_photos(struct nd_cli *cli, int64_t id, const char *dir, const char *base,
			 unsigned out_flags, struct nd_buf *html, struct nd_buf *json,
			 struct nd_error *err)
{
	struct nd_photo *list;
	size_t n;
	int rc = nd_photo_list(cli->st, &cli->actor, id, &list, &n, err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct nd_photo p;
		void *bytes;
		size_t len;
		char name[160], path[4400];
		if ((rc = nd_photo_get(cli->st, &cli->actor, id, list[i].n, &p, &bytes, &len,
				       err)) < 0)
			break;
		snprintf(name, sizeof name, "%s-%d.%s", base, p.n, nd_photo_extension(p.format));
		snprintf(path, sizeof path, "%s/%s", dir, name);
		rc = nd_output_file(path, bytes, len, out_flags, err);
		free(bytes);
		nd_buf_printf(html, "<figure><img src=\"%s\" width=\"%d\" height=\"%d\" alt=\"\">",
			      name, p.width, p.height);
		if (p.caption[0]) {
			nd_buf_adds(html, "<figcaption>");
			nd_html_escape(html, p.caption);
			nd_buf_adds(html, "</figcaption>");
		}
		nd_buf_adds(html, "</figure>\n");
		nd_buf_adds(json, i ? ",{" : "{");
		nd_json_kv_str(json, 1, "file", name);
		nd_json_kv_str(json, 0, "caption", p.caption);
		nd_json_kv_int(json, 0, "width", p.width);
		nd_json_kv_int(json, 0, "height", p.height);
		nd_json_kv_str(json, 0, "sha256", p.sha256);
		nd_buf_addc(json, '}');
		nd_photo_free(&p);
	}
	nd_photos_free(list, n);
	return rc;
}

/* ---- file --tar ------------------------------------------------------------------ */

size_t nd_cli_tar_limit(struct nd_cli *cli)
{
	struct nd_photo_limits lim;
	struct nd_error err = { 0 };
	if (nd_photo_limits(cli->st, &lim, &err) < 0)
		lim.item_bytes = 0, lim.item_count = 0;
	/* the story, the photos, a header each and the end blocks */
	return (size_t)ND_MAX_INPUT + (size_t)lim.item_bytes +
	       ((size_t)lim.item_count + 16) * 1024 + 20480;
}

/* Every photo of the tar checked before anything is filed. */
static int tar_photos_ok(struct nd_cli *cli, const struct nd_tar_entry *e, size_t k, size_t *story,
			 struct nd_error *err)
{
	struct nd_photo_limits lim;
	int rc = nd_photo_limits(cli->st, &lim, err);
	size_t stories = 0;
	int64_t total = 0;
	for (size_t i = 0; rc == 0 && i < k; i++) {
		if (e[i].kind == ND_TAR_STORY) {
			*story = i;
			stories++;
			continue;
		}
		struct nd_photo_info info;
		total += (int64_t)e[i].size;
		if ((rc = nd_photo_inspect(e[i].data, e[i].size, (size_t)lim.photo_bytes, &info,
					   err)) < 0)
			nd_error_prefix(err, "%s: ", e[i].name);
	}
	if (rc == 0 && stories != 1)
		rc = nd_fail(err, ND_EINVAL,
			     _("the tar must hold one story (a .txt file); it holds %1$zu"),
			     stories);
	if (rc == 0 && total > lim.item_bytes)
		rc = nd_fail(err, ND_EINVAL,
			     _("the tar's photos come to %1$lld bytes, over an item's limit of "
			       "%2$lld"),
			     (long long)total, (long long)lim.item_bytes);
	return rc;
}

int nd_cli_file_tar(struct nd_cli *cli, const char *tar, size_t n, const char *encoding,
		    const char *token)
{
	struct nd_photo_limits lim;
	struct nd_error err = { 0 };
	int rc = nd_photo_limits(cli->st, &lim, &err);
	size_t max = 1 + (size_t)lim.item_count, k = 0, story = 0;
	struct nd_tar_entry *e = rc == 0 ? calloc(max, sizeof *e) : NULL;
	if (rc == 0 && !e)
		rc = nd_fail(&err, ND_ENOMEM, _("out of memory"));
	size_t most =
	    (size_t)lim.photo_bytes > ND_MAX_INPUT ? (size_t)lim.photo_bytes : ND_MAX_INPUT;
	if (rc == 0)
		rc = nd_tar_read(tar, n, max, most, e, &k, &err);
	if (rc == 0)
		rc = tar_photos_ok(cli, e, k, &story, &err);
	if (rc < 0) {
		free(e);
		nd_error_prefix(&err, "%s", _("nothing was filed: "));
		return nd_cli_fail(&err);
	}
	int64_t id = 0;
	int worst = nd_cli_file_bytes(cli, e[story].data, e[story].size, e[story].name, encoding,
				      token, &id);
	for (size_t i = 0; worst == ND_EXIT_OK && i < k; i++) {
		if (e[i].kind != ND_TAR_PHOTO)
			continue;
		struct nd_attach_result res;
		if (nd_photo_attach(cli->st, &cli->actor, id, e[i].name, NULL, e[i].data, e[i].size,
				    &res, &err) < 0) {
			nd_error_prefix(&err, "%s: ", e[i].name);
			worst = nd_cli_fail(&err);
		} else if (res.duplicate) {
			printf(_("already attached: photo %1$d of #%2$lld\n"), res.n,
			       (long long)id);
		} else {
			printf(_("attached photo %1$d to #%2$lld: %3$s %4$d×%5$d\n"), res.n,
			       (long long)id, nd_photo_format_name(res.info.format), res.info.width,
			       res.info.height);
		}
	}
	free(e);
	return worst;
}
