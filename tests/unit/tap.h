/* tap.h — a tiny TAP producer for the unit tests: each check prints
 * "ok N - name" or "not ok N - name" with what was expected. */
#ifndef NEWSDESK_TAP_H
#define NEWSDESK_TAP_H

#include <stdbool.h>

bool tap_ok(bool cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
bool tap_is_str(const char *got, const char *want, const char *file, int line, const char *name);
bool tap_is_int(long long got, long long want, const char *file, int line, const char *name);
/* Prints the plan; returns the process exit code (1 if any check failed). */
int tap_done(void);

#define ok(cond, ...) tap_ok((cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, name) tap_is_str((got), (want), __FILE__, __LINE__, (name))
#define is_int(got, want, name)                                                                    \
	tap_is_int((long long)(got), (long long)(want), __FILE__, __LINE__, (name))

#endif
