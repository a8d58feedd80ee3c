/* words.h — splitting a command line into words the way a user expects,
 * without a shell: quotes group, a backslash escapes, and nothing is ever
 * expanded ($, `, ;, |, * are ordinary characters). For SSH_ORIGINAL_COMMAND. */
#ifndef NEWSDESK_WORDS_H
#define NEWSDESK_WORDS_H

#include "newsdesk/error.h"

/* Splits s into a NULL-terminated malloc'd array of malloc'd words. */
int nd_split_words(const char *s, char ***words, int *count, struct nd_error *err);
void nd_words_free(char **words, int count);

#endif
