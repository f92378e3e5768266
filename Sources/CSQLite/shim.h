#ifndef PANELIST_CSQLITE_SHIM_H
#define PANELIST_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT as a typed function pointer: Swift cannot import the macro's cast of -1.
static inline sqlite3_destructor_type panelist_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
