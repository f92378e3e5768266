// The signal handler must be async-signal-safe, so it lives in C: it only calls unlink(2),
// sigaction(2) and raise(3) on paths copied into static storage beforehand.
#include "CTemporaryFiles.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

enum { slot_count = 16, path_capacity = 4096 };

static char paths[slot_count][path_capacity];
static volatile sig_atomic_t in_use[slot_count];
static int registered = 0;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static const int ending_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
enum { ending_count = sizeof ending_signals / sizeof ending_signals[0] };
static struct sigaction previous[ending_count];
static struct sigaction previous_file_size;

static void remove_and_end(int signal_number) {
    for (int slot = 0; slot < slot_count; slot++) {
        if (in_use[slot]) unlink(paths[slot]);
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal_number, &fallback, NULL);
    raise(signal_number);
}

int temporary_files_register(const char *path) {
    if (strlen(path) >= path_capacity) return -1;
    pthread_mutex_lock(&lock);
    int slot = -1;
    for (int candidate = 0; candidate < slot_count; candidate++) {
        if (!in_use[candidate]) { slot = candidate; break; }
    }
    if (slot >= 0) {
        strcpy(paths[slot], path);
        in_use[slot] = 1;
        if (registered++ == 0) {
            struct sigaction action;
            memset(&action, 0, sizeof action);
            action.sa_handler = remove_and_end;
            sigemptyset(&action.sa_mask);
            for (int i = 0; i < ending_count; i++) sigaction(ending_signals[i], &action, &previous[i]);
            action.sa_handler = SIG_IGN;
            sigaction(SIGXFSZ, &action, &previous_file_size);
        }
    }
    pthread_mutex_unlock(&lock);
    return slot;
}

void temporary_files_forget(int slot) {
    if (slot < 0 || slot >= slot_count) return;
    pthread_mutex_lock(&lock);
    if (in_use[slot]) {
        in_use[slot] = 0;
        if (--registered == 0) {
            for (int i = 0; i < ending_count; i++) sigaction(ending_signals[i], &previous[i], NULL);
            sigaction(SIGXFSZ, &previous_file_size, NULL);
        }
    }
    pthread_mutex_unlock(&lock);
}
