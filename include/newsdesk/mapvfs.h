/* mapvfs.h — a VFS that reads a read-only database through one mapping of
 * the whole file (mapvfs.c says why and when it is safe). */
#ifndef NEWSDESK_MAPVFS_H
#define NEWSDESK_MAPVFS_H

#define ND_MAPPED_VFS "nd-mapped"

/* The VFS's name, registered on first use (never the default); NULL when
 * SQLite's default VFS cannot be wrapped. */
const char *nd_mapvfs_name(void);

#ifdef ND_TEST_HOOKS
/* Pages SQLite has read through the mapping, in this process. */
long nd_mapvfs_fetched(void);
#endif

#endif
