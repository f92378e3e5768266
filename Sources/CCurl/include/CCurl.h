#ifndef PANELIST_CCURL_H
#define PANELIST_CCURL_H

// libcurl, opened with dlopen the first time a transfer is made rather than linked into the program:
// libcurl and the TLS, Kerberos and LDAP libraries it depends on would otherwise be loaded and
// relocated by every `panelist` process, which costs a one-shot `search` about 10 ms for nothing.
// Only libcurl's types come from <curl/curl.h>; every call goes through a function resolved by
// panelist_curl_load.

#include <curl/curl.h>
#include <stddef.h>

/// The signature of CURLOPT_WRITEFUNCTION.
typedef size_t (*panelist_curl_write_callback)(char *data, size_t size, size_t count, void *context);

/// Opens the first of `names` that the dynamic loader accepts, resolves the functions below and runs
/// curl_global_init. Returns 1 on success. On failure returns 0, writes one line naming the cause into
/// `error` (at most `size` bytes, NUL-terminated) and leaves an earlier successful load in place.
/// Not thread-safe: call it once, before any other function here.
int panelist_curl_load(const char *const *names, size_t count, char *error, size_t size);

CURL *panelist_curl_easy_init(void);
void panelist_curl_easy_cleanup(CURL *handle);
const char *panelist_curl_easy_strerror(CURLcode code);
struct curl_slist *panelist_curl_slist_append(struct curl_slist *list, const char *text);
void panelist_curl_slist_free_all(struct curl_slist *list);
CURLM *panelist_curl_multi_init(void);
CURLMcode panelist_curl_multi_cleanup(CURLM *multi);
CURLMcode panelist_curl_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode panelist_curl_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode panelist_curl_multi_perform(CURLM *multi, int *running);
CURLMcode panelist_curl_multi_poll(CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeout, int *ready);
CURLMsg *panelist_curl_multi_info_read(CURLM *multi, int *remaining);
const char *panelist_curl_multi_strerror(CURLMcode code);

/// The size of the buffer CURLOPT_ERRORBUFFER writes into.
size_t panelist_curl_error_size(void);
/// curl_easy_setopt for an option that takes a long.
CURLcode panelist_curl_set_long(CURL *handle, CURLoption option, long value);
/// curl_easy_setopt for an option that takes a C string (libcurl copies it, except for CURLOPT_POSTFIELDS).
CURLcode panelist_curl_set_string(CURL *handle, CURLoption option, const char *value);
/// curl_easy_setopt for an option that takes a pointer (context pointers, buffers).
CURLcode panelist_curl_set_pointer(CURL *handle, CURLoption option, void *value);
/// curl_easy_setopt for an option that takes a header list.
CURLcode panelist_curl_set_slist(CURL *handle, CURLoption option, struct curl_slist *value);
/// Sets the request body: libcurl copies `length` bytes from `data`, which need not be NUL-terminated.
CURLcode panelist_curl_set_post_body(CURL *handle, const char *data, long length);
/// Sets CURLOPT_WRITEFUNCTION.
CURLcode panelist_curl_set_write_function(CURL *handle, panelist_curl_write_callback callback);
/// The result of a finished transfer reported by curl_multi_info_read (a field of a union in C).
CURLcode panelist_curl_message_result(CURLMsg *message);
/// The HTTP status of the last response, or 0 when none arrived.
long panelist_curl_get_response_code(CURL *handle);
/// Whether a connection to the server was established (the connect phase took a measurable time).
int panelist_curl_get_connected(CURL *handle);

#endif
