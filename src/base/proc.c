/* proc.c — this process's identity for edit locks, and whether a process
 * that held one is still there. Linux: /proc/PID/stat's 22nd field is the
 * start time, in clock ticks after boot. */
#include "newsdesk/proc.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void nd_proc_host(char *out, size_t size)
{
	if (gethostname(out, size) != 0)
		out[0] = '\0';
	out[size - 1] = '\0';
}

/* Process pid's state letter (R, S, Z…) and start from /proc/PID/stat. */
static int stat_of(long pid, char *state, int64_t *ticks)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* the command name is in parentheses and may hold spaces: count
	 * fields from the last ')', which ends field 2 */
	char *p = strrchr(buf, ')');
	if (!p)
		return -1;
	p++;
	*state = p[0] == ' ' ? p[1] : '?';
	for (int field = 3; field < 22; field++) {
		p = strchr(p + 1, ' ');
		if (!p)
			return -1;
	}
	char *end;
	long long v = strtoll(p + 1, &end, 10);
	if (end == p + 1)
		return -1;
	*ticks = (int64_t)v;
	return 0;
}

int nd_proc_start(long pid, int64_t *ticks)
{
	char state;
	return stat_of(pid, &state, ticks);
}

bool nd_proc_alive(long pid, int64_t ticks)
{
	if (pid <= 0)
		return true;
	if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
		return false;
	int64_t now;
	char state;
	if (stat_of(pid, &state, &now) < 0)
		return access("/proc/self/stat", R_OK) != 0; /* no /proc: cannot tell */
	/* a zombie has ended; only its parent has not asked how */
	return now == ticks && state != 'Z' && state != 'X';
}
