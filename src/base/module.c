/* module.c — opening newsdesk's loadable modules (module.h): found by the
 * program's own place, never by a path the environment gives, so nothing a
 * user or an SSH client sets can make newsdesk load other code. */
#include "newsdesk/module.h"
#include "newsdesk/lang.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef ND_MODULEDIR
#define ND_MODULEDIR "/usr/local/lib/newsdesk"
#endif

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The folder of the running program, "" when unknown. */
static void program_dir(char *dir, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", dir, size - 1);
	dir[n > 0 ? n : 0] = '\0';
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		dir[0] = '\0';
}

static void *open_module(const char *name, char *why, size_t size)
{
	char dir[PATH_MAX], path[PATH_MAX + 64];
	program_dir(dir, sizeof dir);
	const char *const places[] = { "%s/%s.so", "%s/../%s.so", "%s/../../%s.so" };
	for (size_t i = 0; dir[0] && i < sizeof places / sizeof *places; i++) {
		snprintf(path, sizeof path, places[i], dir, name);
		if (access(path, R_OK) == 0) {
			void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
			if (h)
				return h;
			snprintf(why, size, "%s", dlerror());
			return NULL;
		}
	}
	snprintf(path, sizeof path, "%s/%s.so", ND_MODULEDIR, name);
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		snprintf(why, size, "%s", dlerror());
	return h;
}

void *nd_module_symbol(const char *name, const char *symbol, struct nd_error *err)
{
	static struct {
		char name[32];
		void *handle;
		char why[512];
	} opened[4];
	void *sym = NULL;
	pthread_mutex_lock(&lock);
	size_t i = 0;
	while (i < sizeof opened / sizeof *opened && opened[i].name[0] &&
	       strcmp(opened[i].name, name) != 0)
		i++;
	if (i < sizeof opened / sizeof *opened && !opened[i].name[0]) {
		snprintf(opened[i].name, sizeof opened[i].name, "%s", name);
		opened[i].handle = open_module(name, opened[i].why, sizeof opened[i].why);
	}
	if (i == sizeof opened / sizeof *opened)
		nd_fail(err, ND_EIO, _("too many modules (%s)"), name);
	else if (!opened[i].handle)
		nd_fail(err, ND_EIO,
			_("this needs newsdesk's module %1$s.so, which could not be loaded "
			  "(looked beside newsdesk and in %2$s): %3$s"),
			name, ND_MODULEDIR, opened[i].why);
	else if (!(sym = dlsym(opened[i].handle, symbol)))
		nd_fail(err, ND_EIO, _("newsdesk's module %1$s.so lacks %2$s: %3$s"), name, symbol,
			dlerror());
	pthread_mutex_unlock(&lock);
	return sym;
}
