/* filemodes.c — the file-mode half of `newsdesk check`: the database, its
 * -wal and -shm, and the setgid folder they live in. */
#include "newsdesk/filemodes.h"
#include "newsdesk/lang.h"

#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *group_name(gid_t gid, char *buf, size_t size)
{
	struct group *g = getgrgid(gid);
	if (g)
		snprintf(buf, size, "%s", g->gr_name);
	else
		snprintf(buf, size, "%u", (unsigned)gid);
	return buf;
}

/* One file: writable by the group, unreadable by others, in the group. */
static int check_one(const char *path, const struct stat *db, struct nd_buf *report)
{
	struct stat st;
	char g[64];
	int n = 0;
	if (stat(path, &st) < 0)
		return 0; /* -wal and -shm exist only while the database is open */
	if ((st.st_mode & (S_IRGRP | S_IWGRP)) != (S_IRGRP | S_IWGRP)) {
		nd_buf_printf(
		    report,
		    _("warning: %1$s is mode %2$04o: the desk's group cannot write it, so "
		      "filing fails for everyone else (chmod 660 it)\n"),
		    path, (unsigned)(st.st_mode & 07777));
		n++;
	}
	if (st.st_mode & (S_IROTH | S_IWOTH)) {
		nd_buf_printf(report,
			      _("warning: %1$s is mode %2$04o: users outside the desk's group can "
				"%3$s it (chmod o-rwx it)\n"),
			      path, (unsigned)(st.st_mode & 07777),
			      (st.st_mode & S_IWOTH) ? C_("file access", "write")
						     : C_("file access", "read"));
		n++;
	}
	if (st.st_gid != db->st_gid) {
		nd_buf_printf(
		    report,
		    _("warning: %1$s belongs to group %2$s, the database to %3$s (chgrp it; a "
		      "setgid folder keeps new files in the database's group)\n"),
		    path, group_name(st.st_gid, g, sizeof g), group_name(db->st_gid, g + 32, 32));
		n++;
	}
	return n;
}

int nd_check_file_modes(const char *db_path, struct nd_buf *report)
{
	struct stat db, dir;
	char path[PATH_MAX + 8];
	if (stat(db_path, &db) < 0)
		return 0;
	int n = check_one(db_path, &db, report);
	static const char *const sidecars[] = { "-wal", "-shm" };
	for (size_t i = 0; i < sizeof sidecars / sizeof *sidecars; i++) {
		snprintf(path, sizeof path, "%s%s", db_path, sidecars[i]);
		n += check_one(path, &db, report);
	}
	const char *slash = strrchr(db_path, '/');
	snprintf(path, sizeof path, "%.*s", slash ? (int)(slash - db_path) : 1,
		 slash ? db_path : ".");
	if (!path[0])
		snprintf(path, sizeof path, "/");
	/* a folder the group shares (may create -wal/-shm in) needs setgid,
	   so those files get the database's group whoever creates them */
	if (stat(path, &dir) == 0 && (dir.st_mode & S_IWGRP) && !(dir.st_mode & S_ISGID)) {
		nd_buf_printf(
		    report,
		    _("warning: the folder %1$s is mode %2$04o: the group shares it, so make "
		      "it 2770 (setgid) and the -wal/-shm a reader makes stay the "
		      "group's\n"),
		    path, (unsigned)(dir.st_mode & 07777));
		n++;
	}
	return n;
}
