#ifndef PANELIST_CCURL_SHIM_H
#define PANELIST_CCURL_SHIM_H

#include <curl/curl.h>

/// The signature of CURLOPT_WRITEFUNCTION.
typedef size_t (*panelist_curl_write_callback)(char *data, size_t size, size_t count, void *context);

/// curl_global_init with the default flags: Swift cannot import the CURL_GLOBAL_DEFAULT macro.
static inline CURLcode panelist_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

/// The size of the buffer CURLOPT_ERRORBUFFER writes into.
static inline long panelist_curl_error_size(void) {
    return CURL_ERROR_SIZE;
}

/// curl_easy_setopt for an option that takes a long.
static inline CURLcode panelist_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// curl_easy_setopt for an option that takes a C string (libcurl copies it, except for CURLOPT_POSTFIELDS).
static inline CURLcode panelist_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// curl_easy_setopt for an option that takes a pointer (context pointers, buffers).
static inline CURLcode panelist_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// curl_easy_setopt for an option that takes a header list.
static inline CURLcode panelist_curl_set_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets the request body: libcurl copies `length` bytes from `data`, which need not be NUL-terminated.
static inline CURLcode panelist_curl_set_post_body(CURL *handle, const char *data, long length) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, length);
    if (code != CURLE_OK) {
        return code;
    }
    return curl_easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, data);
}

/// Sets CURLOPT_WRITEFUNCTION.
static inline CURLcode panelist_curl_set_write_function(CURL *handle, panelist_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

/// The result of a finished transfer reported by curl_multi_info_read (a field of a union in C).
static inline CURLcode panelist_curl_message_result(CURLMsg *message) {
    return message->data.result;
}

/// The HTTP status of the last response, or 0 when none has arrived yet.
static inline long panelist_curl_get_response_code(CURL *handle) {
    long code = 0;
    if (curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK) {
        return 0;
    }
    return code;
}

/// Whether a connection to the server was established (the connect phase took a measurable time).
static inline int panelist_curl_get_connected(CURL *handle) {
    curl_off_t connect_time = 0;
    if (curl_easy_getinfo(handle, CURLINFO_CONNECT_TIME_T, &connect_time) != CURLE_OK) {
        return 0;
    }
    return connect_time > 0;
}

#endif
