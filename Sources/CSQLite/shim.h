#ifndef PANELIST_CSQLITE_SHIM_H
#define PANELIST_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT as a typed function pointer: Swift cannot import the macro's cast of -1.
static inline sqlite3_destructor_type panelist_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// Leaves the write-ahead log for the next connection to checkpoint instead of checkpointing (and
/// syncing) when this connection closes; `sqlite3_db_config` is variadic, which Swift cannot call.
static inline int panelist_sqlite_no_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}

/// After a commit that leaves `frames` or more frames in the write-ahead log, checkpoints it whole and
/// truncates it (SQLite's own automatic checkpoint copies frames but cannot restart a log that each new
/// process recovers, so for short-lived writers the log would grow for ever).
static int panelist_sqlite_truncating_checkpoint(void *frames, sqlite3 *db, const char *name, int count) {
    if (count >= (int)(long)frames) {
        sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_TRUNCATE, (int *)0, (int *)0);
    }
    return SQLITE_OK;
}

/// Installs `panelist_sqlite_truncating_checkpoint` at `frames` frames in place of the automatic checkpoint.
static inline void panelist_sqlite_truncate_wal_at(sqlite3 *db, int frames) {
    sqlite3_wal_hook(db, panelist_sqlite_truncating_checkpoint, (void *)(long)frames);
}

/// Turns off SQLite's count of the memory it holds, which takes a global mutex on every allocation;
/// only takes effect before SQLite initialises (the first open), and is then a no-op.
static inline int panelist_sqlite_skip_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
