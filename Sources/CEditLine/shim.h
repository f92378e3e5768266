#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

// Typed wrappers around libedit's native API (histedit.h).
//
// `el_set`, `el_get` and `history` are variadic and cannot be called from
// Swift, so each operation the REPL needs gets a small `static inline`
// helper with a fixed signature.  The helpers keep no state of their own,
// so it does not matter that every object file that uses them gets its own
// copy.

#include <histedit.h>
#include <signal.h>
#include <stddef.h>
#include <wchar.h>

/// Returns the prompt text to display; `wchar_t` so that the prompt does not
/// depend on the C locale's multibyte conversion.
typedef wchar_t *(*cedit_prompt_function)(EditLine *);

/// An editor command bound to a key; returns one of the `CC_*` codes.
typedef unsigned char (*cedit_command_function)(EditLine *, int);

/// Reads one character; returns 1 on success, 0 on end of input, -1 on error.
typedef int (*cedit_read_function)(EditLine *, wchar_t *);

/// Sets the prompt function; characters between two `ignore` characters are
/// printed but take no room (for colour escape sequences).
static inline int cedit_set_prompt(EditLine *el, cedit_prompt_function function, wchar_t ignore) {
    return el_wset(el, EL_PROMPT_ESC, function, ignore);
}

/// Selects the key map: "emacs" or "vi".
static inline int cedit_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// Turns libedit's own signal handling on (non-zero) or off (zero).
static inline int cedit_set_signal_handling(EditLine *el, int enabled) {
    return el_set(el, EL_SIGNAL, enabled);
}

/// Registers a named editor command (EL_ADDFN) so it can be bound to a key.
static inline int cedit_add_function(EditLine *el, const char *name, const char *help,
                                     cedit_command_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

/// Binds a key sequence (editrc notation, e.g. "^I" or "\\e[1;5C") to a command.
static inline int cedit_bind(EditLine *el, const char *keys, const char *command) {
    return el_set(el, EL_BIND, keys, command, (const char *)NULL);
}

/// Attaches a history list to the editor, for the history commands.
static inline int cedit_set_history(EditLine *el, History *list) {
    return el_set(el, EL_HIST, history, list);
}

/// Stores an opaque pointer for the callbacks (EL_CLIENTDATA).
static inline int cedit_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

/// Returns the pointer stored with `cedit_set_client_data`, or NULL.
static inline void *cedit_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

/// Replaces the function libedit uses to read one character (EL_GETCFN).
static inline int cedit_set_read_function(EditLine *el, cedit_read_function function) {
    return el_set(el, EL_GETCFN, function);
}

/// Redraws the prompt and the line being edited (EL_REFRESH).
static inline int cedit_refresh(EditLine *el) {
    return el_wset(el, EL_REFRESH);
}

/// Returns the terminal width libedit works with, or 0 if unknown.
static inline int cedit_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0) {
        return 0;
    }
    return columns;
}

/// Creates an editor reading from the process's stdin and writing to its
/// stdout and stderr (Swift 6 cannot reference the C `stdin`/`stdout`
/// globals directly).
static inline EditLine *cedit_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

/// Returns the stream the editor writes to (EL_GETFP), or NULL.
static inline FILE *cedit_output(EditLine *el) {
    FILE *stream = NULL;
    if (el_get(el, EL_GETFP, 1, &stream) != 0) {
        return NULL;
    }
    return stream;
}

/// Limits the number of history entries kept.
static inline int cedit_history_set_size(History *list, int size) {
    HistEvent event;
    return history(list, &event, H_SETSIZE, size);
}

/// With a non-zero value, an entry equal to the newest one is not added again.
static inline int cedit_history_set_unique(History *list, int unique) {
    HistEvent event;
    return history(list, &event, H_SETUNIQUE, unique);
}

/// Adds a line as the newest history entry.
static inline int cedit_history_enter(History *list, const char *line) {
    HistEvent event;
    return history(list, &event, H_ENTER, line);
}

/// Appends the entries of a history file; returns -1 on failure.
static inline int cedit_history_load(History *list, const char *path) {
    HistEvent event;
    return history(list, &event, H_LOAD, path);
}

/// Writes all entries to a history file; returns -1 on failure.
static inline int cedit_history_save(History *list, const char *path) {
    HistEvent event;
    return history(list, &event, H_SAVE, path);
}

/// Reads a flag that a signal handler may write, without the compiler
/// caching the value.
static inline sig_atomic_t cedit_flag_load(const volatile sig_atomic_t *flag) {
    return *flag;
}

/// Writes a flag; safe to call from a signal handler.
static inline void cedit_flag_store(volatile sig_atomic_t *flag, sig_atomic_t value) {
    *flag = value;
}

#endif
