/* draftsave.c — the editor's draft written off the key path: a thread with
 * its own connection to the store writes the newest text it was handed
 * (a text handed while one is being written waits, and a newer one
 * replaces it), so a keystroke costs a copy of the text, never the write
 * and its fsync. Whoever needs the draft settled (a save, a discard, a
 * hang-up, closing) waits for the writer first, so no older text lands
 * after them. */
#include "newsdesk/drafts.h"
#include "newsdesk/lang.h"
#include "newsdesk/tui_draftsave.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tui_draftsave {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	char *path; /* the store's, opened again by the thread */
	struct nd_actor actor; /* the login only: what nd_draft_put reads */
	bool quit, busy;
	/* the text waiting to be written */
	bool pending;
	int64_t id;
	int base_rev;
	struct nd_story story;
	/* the last write's outcome, until taken */
	bool failed;
	char error[sizeof((struct nd_error *)0)->msg];
};

static void *writer(void *arg)
{
	struct tui_draftsave *s = arg;
	struct nd_store *st = NULL;
	struct nd_error err = { 0 };
	pthread_mutex_lock(&s->mu);
	for (;;) {
		while (!s->pending && !s->quit)
			pthread_cond_wait(&s->cv, &s->mu);
		if (!s->pending)
			break; /* quit with nothing left to write */
		struct nd_story story = s->story;
		int64_t id = s->id;
		int base_rev = s->base_rev;
		memset(&s->story, 0, sizeof s->story);
		s->pending = false;
		s->busy = true;
		pthread_mutex_unlock(&s->mu);
		int rc = st ? 0 : nd_store_open(&st, s->path, 0, &err);
		if (rc == 0)
			rc = nd_draft_put(st, &s->actor, id, base_rev, &story, &err);
		nd_story_free(&story);
		pthread_mutex_lock(&s->mu);
		s->busy = false;
		if (rc < 0) {
			s->failed = true;
			snprintf(s->error, sizeof s->error, "%s", err.msg);
		}
		pthread_cond_broadcast(&s->cv);
	}
	pthread_mutex_unlock(&s->mu);
	if (st)
		nd_store_close(st);
	return NULL;
}

struct tui_draftsave *tui_draftsave_start(struct nd_store *st, const struct nd_actor *actor)
{
	struct tui_draftsave *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->path = strdup(nd_store_path(st));
	s->actor.user.login = strdup(actor->user.login);
	s->actor.user.rank = actor->user.rank;
	if (!s->path || !s->actor.user.login) {
		free(s->path);
		free(s->actor.user.login);
		free(s);
		return NULL;
	}
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->cv, NULL);
	if (pthread_create(&s->thread, NULL, writer, s) != 0) {
		pthread_mutex_destroy(&s->mu);
		pthread_cond_destroy(&s->cv);
		free(s->path);
		free(s->actor.user.login);
		free(s);
		return NULL;
	}
	return s;
}

void tui_draftsave_put(struct tui_draftsave *s, int64_t id, int base_rev, struct nd_story *story)
{
	pthread_mutex_lock(&s->mu);
	if (s->pending)
		nd_story_free(&s->story); /* a newer text replaces one not begun */
	s->story = *story;
	memset(story, 0, sizeof *story);
	s->id = id;
	s->base_rev = base_rev;
	s->pending = true;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

/* The last write's failure, taken (the lock held): false and its message
 * when it failed. */
static bool taken_ok(struct tui_draftsave *s, char *error, size_t size)
{
	if (!s->failed)
		return true;
	s->failed = false;
	if (error && size)
		snprintf(error, size, "%s", s->error);
	return false;
}

bool tui_draftsave_settle(struct tui_draftsave *s, char *error, size_t size)
{
	if (!s)
		return true;
	pthread_mutex_lock(&s->mu);
	while (s->pending || s->busy)
		pthread_cond_wait(&s->cv, &s->mu);
	bool ok = taken_ok(s, error, size);
	pthread_mutex_unlock(&s->mu);
	return ok;
}

bool tui_draftsave_poll(struct tui_draftsave *s, char *error, size_t size)
{
	if (!s)
		return true;
	pthread_mutex_lock(&s->mu);
	bool ok = taken_ok(s, error, size);
	pthread_mutex_unlock(&s->mu);
	return ok;
}

void tui_draftsave_stop(struct tui_draftsave *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->mu);
	s->quit = true; /* what is pending is still written */
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
	pthread_join(s->thread, NULL);
	pthread_mutex_destroy(&s->mu);
	pthread_cond_destroy(&s->cv);
	nd_story_free(&s->story);
	free(s->path);
	free(s->actor.user.login);
	free(s);
}
