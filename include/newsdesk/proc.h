/* proc.h — which process this is, as an edit lock records it (vim's swap
 * file records the same): the host, the pid and the process's start time,
 * so that a pid the kernel gave again to another process is not taken for
 * the holder. */
#ifndef NEWSDESK_PROC_H
#define NEWSDESK_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The host's name (or "" when it has none). */
void nd_proc_host(char *out, size_t size);
/* When process pid started, in clock ticks since boot (/proc/PID/stat):
 * 0, or -1 when there is no such process or it cannot be read. */
int nd_proc_start(long pid, int64_t *ticks);
/* Is process pid, started at ticks, still running on this host? When
 * that cannot be told (no /proc), yes: a lock is never taken on a guess. */
bool nd_proc_alive(long pid, int64_t ticks);

#endif
