/* schema.h — the migrations in schema/, embedded at build time. */
#ifndef NEWSDESK_SCHEMA_H
#define NEWSDESK_SCHEMA_H

struct nd_schema_file {
	int version; /* the NNN of NNN_what.sql: 1, 2, … without gaps */
	const char *name;
	const char *sql;
};

extern const struct nd_schema_file nd_schema_files[];
extern const int nd_schema_count;

#endif
