/* filing.h — the filing format: what a reporter sends, read into a story.
 * An optional header block of `key: value` lines (Chinese or English keys,
 * `:` or `：`), a blank line, then the body, one paragraph a line. Without a
 * header, the first line is the headline and the dateline and byline are
 * recognised by the conventions of Chinese news copy. */
#ifndef NEWSDESK_FILING_H
#define NEWSDESK_FILING_H

#include "newsdesk/error.h"

#include "newsdesk/count.h"

#include <stdbool.h>
#include <stddef.h>

#define ND_MAX_INPUT (1024 * 1024) /* bytes a filed story may have */
#define ND_MAX_HEADLINE 200 /* characters */

struct nd_story {
	char *kind; /* article, photo, brief, note */
	char *section;
	char *kicker;
	char *headline;
	char *subhead;
	char *dateline;
	char *byline;
	char *body; /* paragraphs separated by '\n' */
};

/* Parses UTF-8 text (controls already stripped, '\n' line ends). */
int nd_story_parse(const char *text, struct nd_story *st, struct nd_error *err);

/* The whole intake: size and binary checks, encoding detection (or forced),
 * line ends, control characters, parsing and validation. *encoding, when
 * given, receives the encoding detected. */
int nd_story_from_bytes(const char *bytes, size_t n, const char *forced_encoding,
			struct nd_story *st, const char **encoding, struct nd_error *err);

/* The first half of the intake: size and binary checks, encoding, line
 * ends and control characters; *text is clean UTF-8 (malloc'd). */
int nd_text_from_bytes(const char *bytes, size_t n, size_t max, const char *forced_encoding,
		       char **text, const char **encoding, struct nd_error *err);

/* Checks the limits a stored story must meet; err names the field. */
int nd_story_validate(const struct nd_story *st, struct nd_error *err);

/* The story in the filing format, header keys in Chinese (malloc'd). */
char *nd_story_format(const struct nd_story *st);

/* The canonical kind for a kind word (English or Chinese), or NULL. */
const char *nd_kind_canonical(const char *word);
/* A canonical kind's name in the reader's language (文章, 图片, 简讯,
 * 便条: the words filing accepts for them). */
const char *nd_kind_label(const char *kind);

/* Length in bytes of a dateline at the start of s (0 when none). */
size_t nd_match_dateline(const char *s);

/* True when the line is a byline: names, or a photo credit ending in 摄. */
int nd_is_byline(const char *line);

/* True when the line is an author line: 本报记者 XXX 本报通讯员 XXX. */
bool nd_is_author_line(const char *line);

/* 字数 of the whole story; *body_chars receives the body's. */
long nd_story_chars(const struct nd_story *s, long *body_chars);
/* The same by the given rule (count.h), whatever the process counts by. */
long nd_story_chars_by(const struct nd_story *s, long *body_chars, enum nd_count_rule rule);
/* The same, and the story's 汉字 (nd_story_hanzi) into *hanzi, in one pass
 * over its text. */
long nd_story_chars_hanzi(const struct nd_story *s, long *body_chars, long *hanzi,
			  enum nd_count_rule rule);

/* True when a line ends like prose (。！？；，：), which a title does not. */
bool nd_ends_like_prose(const char *s);

int nd_story_copy(struct nd_story *dst, const struct nd_story *src);
void nd_story_free(struct nd_story *st);

#endif
