/* sysnote.h — what newsdesk itself writes into the workflow log and the
 * review notes: a code with arguments (schema: system_notes), rendered in
 * the reader's language when shown. Only people's words are stored as
 * typed. Notes stored as English by earlier versions are parsed back into
 * their codes where they can be, and shown as stored otherwise. */
#ifndef NEWSDESK_SYSNOTE_H
#define NEWSDESK_SYSNOTE_H

#include <stdbool.h>
#include <stddef.h>

/* The codes (stable: they are stored). */
#define ND_SN_PLACE "place" /* issue, page, position */
#define ND_SN_REPLACE "replace" /* from issue, page, position; to the same */
#define ND_SN_UNPLACE "unplace" /* issue, page, position */
#define ND_SN_TAKEOVER "takeover" /* the previous holder */
#define ND_SN_TAKEOVER_GONE "takeover-gone" /* the holder, their pid, their host */
#define ND_SN_UNLOCK "unlock" /* the holder */
#define ND_SN_HANGUP "hangup"
#define ND_SN_STALE "conflict-stale"
#define ND_SN_LOCKED "conflict-locked"
#define ND_SN_CORRECTION "correction"
#define ND_SN_WITH_ISSUE "with-issue" /* the issue code */
#define ND_SN_FRAGMENT "import-fragment"
#define ND_SN_IMPORT_CHECK "import-check" /* the importer's rule id (importer.h) */

/* The separator of a code's arguments in the stored text. */
#define ND_SN_SEP '\x1f'
enum { ND_SN_MAX_ARGS = 6 };

/* Joins n arguments into out (size bytes) as they are stored. */
void nd_sysnote_args(char *out, size_t size, int n, const char *const *args);

/* The text to show for a stored note: code (NULL: none) and its stored
 * text (the arguments, or the words as typed); verb the event's verb (NULL
 * for a review note), used to recognise the English of earlier versions.
 * Returns malloc'd text in the reader's language (NULL for none, or out of
 * memory) and sets *system when the program wrote it. */
char *nd_sysnote_render(const char *code, const char *text, const char *verb, bool *system);

/* The label of a log verb in the reader's language: a transition's
 * label_zh (given, from the schema) under Chinese, the verb's own name
 * otherwise; the verbs the program logs itself (file, edit, assign, …)
 * through gettext. */
const char *nd_log_verb_label(const char *verb, const char *label_zh);

#endif
