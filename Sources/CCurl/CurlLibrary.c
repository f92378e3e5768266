#include "CCurl.h"

#include <dlfcn.h>
#include <stdio.h>

// The libcurl functions Panelist calls: return type, name, parameters.
#define PANELIST_CURL_FUNCTIONS(X) \
    X(CURLcode, curl_global_init, (long flags)) \
    X(CURL *, curl_easy_init, (void)) \
    X(void, curl_easy_cleanup, (CURL *handle)) \
    X(CURLcode, curl_easy_setopt, (CURL *handle, CURLoption option, ...)) \
    X(CURLcode, curl_easy_getinfo, (CURL *handle, CURLINFO info, ...)) \
    X(const char *, curl_easy_strerror, (CURLcode code)) \
    X(struct curl_slist *, curl_slist_append, (struct curl_slist *list, const char *text)) \
    X(void, curl_slist_free_all, (struct curl_slist *list)) \
    X(CURLM *, curl_multi_init, (void)) \
    X(CURLMcode, curl_multi_cleanup, (CURLM *multi)) \
    X(CURLMcode, curl_multi_add_handle, (CURLM *multi, CURL *handle)) \
    X(CURLMcode, curl_multi_remove_handle, (CURLM *multi, CURL *handle)) \
    X(CURLMcode, curl_multi_perform, (CURLM *multi, int *running)) \
    X(CURLMcode, curl_multi_poll, (CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeout, int *ready)) \
    X(CURLMsg *, curl_multi_info_read, (CURLM *multi, int *remaining)) \
    X(const char *, curl_multi_strerror, (CURLMcode code))

struct curl_functions {
#define PANELIST_CURL_POINTER(type, name, parameters) type (*name) parameters;
    PANELIST_CURL_FUNCTIONS(PANELIST_CURL_POINTER)
#undef PANELIST_CURL_POINTER
};

static struct curl_functions curl;

static int open_library(const char *const *names, size_t count, void **library, char *error, size_t size) {
    snprintf(error, size, "no library name given");
    for (size_t index = 0; index < count; index++) {
        *library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        if (*library != NULL) {
            return 1;
        }
        const char *reason = dlerror();
        snprintf(error, size, "%s", reason != NULL ? reason : names[index]);
    }
    return 0;
}

int panelist_curl_load(const char *const *names, size_t count, char *error, size_t size) {
    void *library = NULL;
    if (!open_library(names, count, &library, error, size)) {
        return 0;
    }
    struct curl_functions resolved;
#define PANELIST_CURL_RESOLVE(type, name, parameters) \
    *(void **)(&resolved.name) = dlsym(library, #name); \
    if (resolved.name == NULL) { \
        snprintf(error, size, "the loaded libcurl has no %s (libcurl 7.66 or later is needed)", #name); \
        dlclose(library); \
        return 0; \
    }
    PANELIST_CURL_FUNCTIONS(PANELIST_CURL_RESOLVE)
#undef PANELIST_CURL_RESOLVE
    CURLcode initialised = resolved.curl_global_init(CURL_GLOBAL_DEFAULT);
    if (initialised != CURLE_OK) {
        snprintf(error, size, "curl_global_init failed: %s", resolved.curl_easy_strerror(initialised));
        dlclose(library);
        return 0;
    }
    curl = resolved;
    return 1;
}

CURL *panelist_curl_easy_init(void) { return curl.curl_easy_init(); }
void panelist_curl_easy_cleanup(CURL *handle) { curl.curl_easy_cleanup(handle); }
const char *panelist_curl_easy_strerror(CURLcode code) { return curl.curl_easy_strerror(code); }

struct curl_slist *panelist_curl_slist_append(struct curl_slist *list, const char *text) {
    return curl.curl_slist_append(list, text);
}

void panelist_curl_slist_free_all(struct curl_slist *list) { curl.curl_slist_free_all(list); }
CURLM *panelist_curl_multi_init(void) { return curl.curl_multi_init(); }
CURLMcode panelist_curl_multi_cleanup(CURLM *multi) { return curl.curl_multi_cleanup(multi); }
CURLMcode panelist_curl_multi_add_handle(CURLM *multi, CURL *handle) { return curl.curl_multi_add_handle(multi, handle); }

CURLMcode panelist_curl_multi_remove_handle(CURLM *multi, CURL *handle) {
    return curl.curl_multi_remove_handle(multi, handle);
}

CURLMcode panelist_curl_multi_perform(CURLM *multi, int *running) { return curl.curl_multi_perform(multi, running); }

CURLMcode panelist_curl_multi_poll(CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeout, int *ready) {
    return curl.curl_multi_poll(multi, extra, count, timeout, ready);
}

CURLMsg *panelist_curl_multi_info_read(CURLM *multi, int *remaining) { return curl.curl_multi_info_read(multi, remaining); }
const char *panelist_curl_multi_strerror(CURLMcode code) { return curl.curl_multi_strerror(code); }

size_t panelist_curl_error_size(void) { return CURL_ERROR_SIZE; }

CURLcode panelist_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl.curl_easy_setopt(handle, option, value);
}

CURLcode panelist_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl.curl_easy_setopt(handle, option, value);
}

CURLcode panelist_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl.curl_easy_setopt(handle, option, value);
}

CURLcode panelist_curl_set_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl.curl_easy_setopt(handle, option, value);
}

CURLcode panelist_curl_set_post_body(CURL *handle, const char *data, long length) {
    CURLcode code = curl.curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, length);
    if (code != CURLE_OK) {
        return code;
    }
    return curl.curl_easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, data);
}

CURLcode panelist_curl_set_write_function(CURL *handle, panelist_curl_write_callback callback) {
    return curl.curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

CURLcode panelist_curl_message_result(CURLMsg *message) { return message->data.result; }

long panelist_curl_get_response_code(CURL *handle) {
    long code = 0;
    if (curl.curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK) {
        return 0;
    }
    return code;
}

int panelist_curl_get_connected(CURL *handle) {
    curl_off_t connect_time = 0;
    if (curl.curl_easy_getinfo(handle, CURLINFO_CONNECT_TIME_T, &connect_time) != CURLE_OK) {
        return 0;
    }
    return connect_time > 0;
}
