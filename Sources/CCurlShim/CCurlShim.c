#include "CCurlShim.h"

#include <signal.h>

CURLcode nsx_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode nsx_curl_easy_setopt_int64(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode nsx_curl_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode nsx_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

CURLcode nsx_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, nsx_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

CURLcode nsx_curl_easy_setopt_xferinfo_callback(CURL *handle, CURLoption option, nsx_curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

CURLcode nsx_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode nsx_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode nsx_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

const long nsx_curl_global_all = CURL_GLOBAL_ALL;

static volatile sig_atomic_t cancellation_requested = 0;

void nsx_cancellation_raise(void) { cancellation_requested = 1; }

void nsx_cancellation_lower(void) { cancellation_requested = 0; }

int nsx_cancellation_is_raised(void) { return cancellation_requested; }
