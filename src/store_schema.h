/*
 * store_schema.h: the schema of brink's state database as migrations,
 * kept apart from store.c (which opens the database and runs them in
 * order, one transaction each).  Data only.
 */
#ifndef BRINK_STORE_SCHEMA_H
#define BRINK_STORE_SCHEMA_H

#define STORE_VERSION		11

/* Migration n brings the schema from version n - 1 to n (0 is NULL). */
extern const char *const store_migrations[STORE_VERSION + 1];

#endif
