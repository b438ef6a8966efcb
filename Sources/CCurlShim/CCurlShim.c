#include "CCurlShim.h"
#include "curl_functions.h"

#include <CLibraryLoader.h>
#include <pthread.h>
#include <signal.h>

// MARK: loading

// libcurl's functions, filled in once by nsx_curl_load.
#define NSX_CURL_POINTER(result, name, parameters) result (*name) parameters;
static struct {
    NSX_CURL_FUNCTIONS(NSX_CURL_POINTER)
} curl;

#define NSX_CURL_SYMBOL(result, name, parameters) { #name, (void **)&curl.name },
static const NSXLibrarySymbol nsx_curl_symbols[] = { NSX_CURL_FUNCTIONS(NSX_CURL_SYMBOL) };

static pthread_once_t nsx_curl_once = PTHREAD_ONCE_INIT;
static int nsx_curl_loaded = 0;
static char nsx_curl_error[512];

static void nsx_curl_load(void) {
    nsx_curl_loaded = nsx_library_load("libcurl.so.4", nsx_curl_symbols,
                                       sizeof nsx_curl_symbols / sizeof nsx_curl_symbols[0],
                                       nsx_curl_error, sizeof nsx_curl_error);
}

static int nsx_curl_ready(void) {
    pthread_once(&nsx_curl_once, nsx_curl_load);
    return nsx_curl_loaded;
}

const char *nsx_curl_load_error(void) {
    return nsx_curl_ready() ? NULL : nsx_curl_error;
}

// MARK: forwarders

CURLcode nsx_curl_global_init(long flags) {
    return nsx_curl_ready() ? curl.curl_global_init(flags) : CURLE_FAILED_INIT;
}

CURL *nsx_curl_easy_init(void) {
    return nsx_curl_ready() ? curl.curl_easy_init() : NULL;
}

void nsx_curl_easy_cleanup(CURL *handle) {
    if (nsx_curl_ready()) curl.curl_easy_cleanup(handle);
}

void nsx_curl_easy_reset(CURL *handle) {
    if (nsx_curl_ready()) curl.curl_easy_reset(handle);
}

CURLcode nsx_curl_easy_perform(CURL *handle) {
    return nsx_curl_ready() ? curl.curl_easy_perform(handle) : CURLE_FAILED_INIT;
}

const char *nsx_curl_easy_strerror(CURLcode code) {
    return nsx_curl_ready() ? curl.curl_easy_strerror(code) : "libcurl is not loaded";
}

struct curl_slist *nsx_curl_slist_append(struct curl_slist *list, const char *data) {
    return nsx_curl_ready() ? curl.curl_slist_append(list, data) : NULL;
}

void nsx_curl_slist_free_all(struct curl_slist *list) {
    if (nsx_curl_ready()) curl.curl_slist_free_all(list);
}

CURLU *nsx_curl_url(void) {
    return nsx_curl_ready() ? curl.curl_url() : NULL;
}

void nsx_curl_url_cleanup(CURLU *url) {
    if (nsx_curl_ready()) curl.curl_url_cleanup(url);
}

CURLUcode nsx_curl_url_set(CURLU *url, CURLUPart part, const char *content, unsigned int flags) {
    return nsx_curl_ready() ? curl.curl_url_set(url, part, content, flags) : CURLUE_BAD_HANDLE;
}

CURLUcode nsx_curl_url_get(CURLU *url, CURLUPart part, char **content, unsigned int flags) {
    return nsx_curl_ready() ? curl.curl_url_get(url, part, content, flags) : CURLUE_BAD_HANDLE;
}

const char *nsx_curl_url_strerror(CURLUcode code) {
    return nsx_curl_ready() ? curl.curl_url_strerror(code) : "libcurl is not loaded";
}

void nsx_curl_free(void *pointer) {
    if (nsx_curl_ready()) curl.curl_free(pointer);
}

// MARK: curl_easy_setopt and curl_easy_getinfo, per argument type

CURLcode nsx_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return nsx_curl_ready() ? curl.curl_easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode nsx_curl_easy_setopt_int64(CURL *handle, CURLoption option, curl_off_t value) {
    return nsx_curl_ready() ? curl.curl_easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode nsx_curl_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return nsx_curl_ready() ? curl.curl_easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode nsx_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return nsx_curl_ready() ? curl.curl_easy_setopt(handle, option, list) : CURLE_FAILED_INIT;
}

CURLcode nsx_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, nsx_curl_data_callback callback) {
    return nsx_curl_ready() ? curl.curl_easy_setopt(handle, option, callback) : CURLE_FAILED_INIT;
}

CURLcode nsx_curl_easy_setopt_xferinfo_callback(CURL *handle, CURLoption option, nsx_curl_xferinfo_callback callback) {
    return nsx_curl_ready() ? curl.curl_easy_setopt(handle, option, callback) : CURLE_FAILED_INIT;
}

CURLcode nsx_curl_easy_setopt_prereq_callback(CURL *handle, CURLoption option, nsx_curl_prereq_callback callback) {
    return nsx_curl_ready() ? curl.curl_easy_setopt(handle, option, callback) : CURLE_FAILED_INIT;
}

CURLcode nsx_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return nsx_curl_ready() ? curl.curl_easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

CURLcode nsx_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return nsx_curl_ready() ? curl.curl_easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

CURLcode nsx_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return nsx_curl_ready() ? curl.curl_easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

const long nsx_curl_global_all = CURL_GLOBAL_ALL;

// MARK: the cancellation flag

static volatile sig_atomic_t cancellation_requested = 0;

void nsx_cancellation_raise(void) { cancellation_requested = 1; }

void nsx_cancellation_lower(void) { cancellation_requested = 0; }

int nsx_cancellation_is_raised(void) { return cancellation_requested; }
