#ifndef C_TEMPORARY_FILES_H
#define C_TEMPORARY_FILES_H

/// Removes `path` if SIGINT, SIGTERM, SIGHUP or SIGQUIT ends the process before
/// `temporary_files_forget` is called for the slot this returns (-1 when all slots are taken or
/// the path is too long: the file is then left to the next build's clean-up).
///
/// While any path is registered, SIGXFSZ is ignored, so a write past the file size limit fails
/// with EFBIG (an error the build reports and cleans up after) instead of ending the process.
/// The previous signal actions come back when the last path is forgotten.
int temporary_files_register(const char *path);

/// Stops removing the path of `slot` on a signal (after it was renamed into place or removed).
void temporary_files_forget(int slot);

#endif
