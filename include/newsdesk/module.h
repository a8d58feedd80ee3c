/* module.h — newsdesk's loadable modules: the code that needs the picture
 * libraries (nd_photo: libjpeg, libpng, libwebp, libexif; nd_preview:
 * chafa and glib) is built beside the program as a module and opened the
 * first time a command needs it, so a start that needs no picture loads
 * none of those libraries (as the sqlite3 shell starts). */
#ifndef NEWSDESK_MODULE_H
#define NEWSDESK_MODULE_H

#include "newsdesk/error.h"

/* Opens module NAME ("nd_photo") once and returns the address of its
 * SYMBOL, or NULL with err saying what is missing. The module is looked
 * for beside the program, in the two folders above it (a build's tests and
 * benchmarks) and in ND_MODULEDIR (where it is installed), never where the
 * environment says. Thread-safe. */
void *nd_module_symbol(const char *name, const char *symbol, struct nd_error *err);

#endif
