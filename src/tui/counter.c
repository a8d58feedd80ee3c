/* counter.c — a search's exact total, or the list's under a text limit, on
 * a thread and a read-only connection of its own (tui_counter.h). The desk's loop polls it when
 * idle; a count no longer wanted is told to stop (it ends at its next
 * step: FTS5's merge, the one part that cannot give way, runs to its end)
 * and is freed once its thread has ended. */
#include "newsdesk/tui_counter.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct tui_counter {
	pthread_t thread;
	pthread_mutex_t mu;
	atomic_bool stop;
	bool done;
	int rc;
	int64_t total;
	struct nd_error err;
	char *path, *query, *login;
	char *state, *section, *reporter, *issue; /* o's strings, copied */
	struct nd_search_options o;
	bool list; /* the list's total under filter (nd_item_count), not a search's */
	struct nd_filter filter; /* its strings: o's and query */
	struct nd_actor actor;
	struct tui_counter *next; /* dropped, its thread not yet ended */
};

static struct tui_counter *dropped;

static int stop_asked(void *arg)
{
	struct tui_counter *c = arg;
	return atomic_load(&c->stop);
}

#ifdef ND_TEST_HOOKS
/* A test build's hook: the count waits until the file NEWSDESK_TEST_COUNT_GATE
 * exists, so a test can press keys while it is known to be counting. */
static void test_gate(struct tui_counter *c)
{
	const char *gate = getenv("NEWSDESK_TEST_COUNT_GATE");
	const struct timespec tick = { 0, 20 * 1000 * 1000 };
	while (gate && access(gate, F_OK) != 0 && !atomic_load(&c->stop))
		nanosleep(&tick, NULL);
}
#endif

static void *count(void *arg)
{
	struct tui_counter *c = arg;
#ifdef ND_TEST_HOOKS
	test_gate(c);
#endif
	struct nd_store *st = NULL;
	struct nd_error err = { 0 };
	struct nd_search_options o = c->o;
	int rc = nd_store_open(&st, c->path, ND_STORE_READONLY, &err);
	if (rc == 0) {
		nd_store_set_interrupt(st, stop_asked, c);
		if (c->list)
			rc = nd_item_count(st, &c->actor, &c->filter, &o.total, &err);
		else
			rc = nd_search_count(st, &c->actor, c->query, &o, &err);
		nd_store_close(st);
	}
	pthread_mutex_lock(&c->mu);
	c->rc = rc;
	c->total = o.total;
	c->err = err;
	c->done = true;
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

static void counter_free(struct tui_counter *c)
{
	pthread_mutex_destroy(&c->mu);
	free(c->path);
	free(c->query);
	free(c->login);
	free(c->state);
	free(c->section);
	free(c->reporter);
	free(c->issue);
	free(c);
}

/* A copy of s (NULL stays NULL); false when out of memory. */
static bool copy(char **to, const char *s)
{
	*to = s ? strdup(s) : NULL;
	return !s || *to;
}

/* Copies what c counts and starts its thread; frees c and answers NULL
 * when it cannot. */
static struct tui_counter *start(struct tui_counter *c, struct nd_store *st,
				 const struct nd_actor *actor, const char *query,
				 const struct nd_search_options *o)
{
	if (!nd_store_threadsafe()) {
		free(c);
		return NULL;
	}
	pthread_mutex_init(&c->mu, NULL);
	c->o = *o;
	c->actor.user.rank = actor->user.rank;
	bool ok = copy(&c->path, nd_store_path(st)) && copy(&c->query, query) &&
		  copy(&c->login, actor->user.login) && copy(&c->state, o->state) &&
		  copy(&c->section, o->section) && copy(&c->reporter, o->reporter) &&
		  copy(&c->issue, o->issue);
	c->actor.user.login = c->login;
	c->o.state = c->state;
	c->o.section = c->section;
	c->o.reporter = c->reporter;
	c->o.issue = c->issue;
	c->o.page_only = false;
	c->filter.text = c->query;
	c->filter.state = c->state;
	c->filter.section = c->section;
	c->filter.reporter = c->reporter;
	c->filter.issue = c->issue;
	if (!ok || pthread_create(&c->thread, NULL, count, c) != 0) {
		counter_free(c);
		return NULL;
	}
	return c;
}

struct tui_counter *tui_counter_start(struct nd_store *st, const struct nd_actor *actor,
				      const char *query, const struct nd_search_options *o)
{
	struct tui_counter *c = calloc(1, sizeof *c);
	return c ? start(c, st, actor, query, o) : NULL;
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

struct tui_counter *tui_counter_start_list(struct nd_store *st, const struct nd_actor *actor,
					   const struct nd_filter *f)
{
	struct nd_search_options o = {
		.state = f->state, .section = f->section, .reporter = f->reporter, .issue = f->issue
	};
	struct tui_counter *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	/* filled before its thread starts, which reads it */
	c->list = true;
	c->filter = *f;
	return start(c, st, actor, f->text, &o);
}

bool tui_counter_is_list(const struct tui_counter *c, const struct nd_filter *f)
{
	return c->list && f->text &&
	       tui_counter_is(c, f->text,
			      &(struct nd_search_options){ .state = f->state,
							   .section = f->section,
							   .reporter = f->reporter,
							   .issue = f->issue });
}

bool tui_counter_is(const struct tui_counter *c, const char *query,
		    const struct nd_search_options *o)
{
	return strcmp(c->query, query) == 0 && same(c->o.state, o->state) &&
	       same(c->o.section, o->section) && same(c->o.reporter, o->reporter) &&
	       same(c->o.issue, o->issue) && c->o.since == o->since && c->o.until == o->until;
}

int tui_counter_poll(struct tui_counter *c, int64_t *total, struct nd_error *err)
{
	pthread_mutex_lock(&c->mu);
	bool done = c->done;
	int rc = c->rc;
	*total = c->total;
	if (done && rc < 0)
		*err = c->err;
	pthread_mutex_unlock(&c->mu);
	return !done ? 0 : rc < 0 ? rc : 1;
}

void tui_counter_drop(struct tui_counter *c)
{
	if (!c)
		return;
	atomic_store(&c->stop, true);
	c->next = dropped;
	dropped = c;
	tui_counter_reap(false);
}

void tui_counter_reap(bool wait)
{
	for (struct tui_counter **p = &dropped; *p;) {
		struct tui_counter *c = *p;
		pthread_mutex_lock(&c->mu);
		bool done = c->done;
		pthread_mutex_unlock(&c->mu);
		if (!done && !wait) {
			p = &c->next;
			continue;
		}
		pthread_join(c->thread, NULL);
		*p = c->next;
		counter_free(c);
	}
}
