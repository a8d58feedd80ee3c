/* measure.c — runs a command RUNS times and prints the median, minimum and
 * maximum wall time in milliseconds and the largest peak RSS in KiB:
 *   bench-measure RUNS [--stdin FILE] [--first-output] -- CMD ARGS…
 * --first-output: the time until the command's first output (what a user
 * waits for before the first line shows), not until it exits. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: bench-measure RUNS [--stdin FILE] -- CMD ARGS...\n");
		return 2;
	}
	int runs = atoi(argv[1]), i = 2;
	const char *in = NULL;
	int first_output = 0;
	for (; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--stdin") && i + 1 < argc)
			in = argv[++i];
		else if (!strcmp(argv[i], "--first-output"))
			first_output = 1;
	}
	char **cmd = argv + i + 1;
	double *t = calloc((size_t)runs, sizeof *t);
	long rss = 0;
	int failures = 0;
	for (int r = 0; r < runs; r++) {
		struct timespec a, b;
		int fds[2] = { -1, -1 };
		if (first_output && pipe(fds) < 0)
			return 2;
		clock_gettime(CLOCK_MONOTONIC, &a);
		pid_t pid = fork();
		if (pid == 0) {
			int fd = open(in ? in : "/dev/null", O_RDONLY);
			dup2(fd, 0);
			int out = open("/dev/null", O_WRONLY);
			dup2(first_output ? fds[1] : out, 1);
			dup2(out, 2);
			execvp(cmd[0], cmd);
			_exit(127);
		}
		if (first_output) {
			char buf[4096];
			close(fds[1]);
			ssize_t got = read(fds[0], buf, sizeof buf);
			clock_gettime(CLOCK_MONOTONIC, &b);
			while (got > 0)
				got = read(fds[0], buf, sizeof buf);
			close(fds[0]);
		}
		int status;
		struct rusage ru;
		wait4(pid, &status, 0, &ru);
		if (!first_output)
			clock_gettime(CLOCK_MONOTONIC, &b);
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			failures++;
		t[r] = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
		if (ru.ru_maxrss > rss)
			rss = ru.ru_maxrss;
	}
	qsort(t, (size_t)runs, sizeof *t, cmp);
	printf("%.2f %.2f %.2f %ld %d\n", t[runs / 2], t[0], t[runs - 1], rss, failures);
	free(t);
	return 0;
}
