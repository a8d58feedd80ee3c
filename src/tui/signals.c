/* signals.c — hang-up, termination and suspension for the desk. The
 * handlers only set a flag (async-signal-safe); the main loop sees it and
 * writes the draft, releases the lock and restores the terminal. A
 * terminal that is gone (read gives EOF or EIO, so getch returns ERR at
 * once) counts as a hang-up, so the desk never spins on it. */
#include "newsdesk/tui_app.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t caught;
static struct sigaction saved[3];
static const int watched[3] = { SIGHUP, SIGTERM, SIGINT };

static void on_signal(int sig)
{
	caught = sig;
}

void tui_signals_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns at once */
	caught = 0;
	for (int i = 0; i < 3; i++) {
		sigaction(watched[i], NULL, &saved[i]);
		/* Ignored on purpose (nohup): left so; a gone terminal still
		 * ends the desk through tui_hangup(). */
		if (saved[i].sa_handler != SIG_IGN)
			sigaction(watched[i], &sa, NULL);
	}
}

void tui_signals_restore(void)
{
	for (int i = 0; i < 3; i++)
		sigaction(watched[i], &saved[i], NULL);
}

static bool terminal_gone(void)
{
	struct termios tio;
	if (tcgetattr(STDIN_FILENO, &tio) < 0 && errno != EINTR)
		return true;
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

int tui_hangup(int kind)
{
	if (caught)
		return caught;
	if (kind == ERR && terminal_gone()) {
		caught = SIGHUP;
		return SIGHUP;
	}
	return 0;
}

/* Ctrl-Z, as vim and mutt do it: the terminal back to normal, stop, and on
 * `fg` the desk's modes and a full redraw. Ignored (as the kernel does)
 * when no shell could resume us. */
void tui_suspend(void)
{
	struct sigaction dfl, old;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	def_prog_mode();
	endwin();
	sigaction(SIGTSTP, &dfl, &old);
	kill(getpid(), SIGTSTP);
	sigaction(SIGTSTP, &old, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}
