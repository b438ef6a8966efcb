// CCurlShim: the one place where Swift meets libcurl.
//
// libcurl is opened at run time (dlopen "libcurl.so.4", once, behind pthread_once) on
// the first call of any function here, so commands that never touch the network never
// map it, nor the thirty libraries it pulls in. Swift calls nsx_curl_* instead of curl_*;
// each forwards to libcurl's function of the same name. When libcurl cannot be loaded
// they fail softly (NULL, CURLE_FAILED_INIT, a no-op) and nsx_curl_load_error() says why.
//
// Swift cannot call C variadic functions, so curl_easy_setopt and curl_easy_getinfo are
// wrapped once per argument *type*, never per option. Everything else (which option,
// which value, error handling) lives in Swift.

#ifndef NSX_CCURLSHIM_H
#define NSX_CCURLSHIM_H

#include "curl_abi.h"

// Callback shapes, named so Swift sees them as @convention(c) function types.
// WRITEFUNCTION and HEADERFUNCTION share one shape.
typedef size_t (*nsx_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);
typedef int (*nsx_curl_xferinfo_callback)(void *userdata, curl_off_t download_total, curl_off_t download_now,
                                          curl_off_t upload_total, curl_off_t upload_now);
typedef int (*nsx_curl_prereq_callback)(void *userdata, char *remote_ip, char *local_ip, int remote_port,
                                        int local_port);

// MARK: loading

/// NULL once libcurl is loaded (loading it now if need be); otherwise why it could not
/// be, in the dynamic loader's words. The text lives as long as the process.
const char *nsx_curl_load_error(void);

// MARK: libcurl's functions, one forwarder each

CURLcode nsx_curl_global_init(long flags);
CURL *nsx_curl_easy_init(void);
void nsx_curl_easy_cleanup(CURL *handle);
void nsx_curl_easy_reset(CURL *handle);
CURLcode nsx_curl_easy_perform(CURL *handle);
/// Never NULL.
const char *nsx_curl_easy_strerror(CURLcode code);
struct curl_slist *nsx_curl_slist_append(struct curl_slist *list, const char *data);
void nsx_curl_slist_free_all(struct curl_slist *list);
CURLU *nsx_curl_url(void);
void nsx_curl_url_cleanup(CURLU *url);
CURLUcode nsx_curl_url_set(CURLU *url, CURLUPart part, const char *content, unsigned int flags);
CURLUcode nsx_curl_url_get(CURLU *url, CURLUPart part, char **content, unsigned int flags);
/// Never NULL.
const char *nsx_curl_url_strerror(CURLUcode code);
void nsx_curl_free(void *pointer);

// MARK: curl_easy_setopt, one wrapper per argument type

CURLcode nsx_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode nsx_curl_easy_setopt_int64(CURL *handle, CURLoption option, curl_off_t value);
/// Strings (libcurl copies them), userdata, the error buffer, blobs, a CURLU handle.
CURLcode nsx_curl_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value);
CURLcode nsx_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list);
CURLcode nsx_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, nsx_curl_data_callback callback);
CURLcode nsx_curl_easy_setopt_xferinfo_callback(CURL *handle, CURLoption option, nsx_curl_xferinfo_callback callback);
CURLcode nsx_curl_easy_setopt_prereq_callback(CURL *handle, CURLoption option, nsx_curl_prereq_callback callback);

// MARK: curl_easy_getinfo, one wrapper per result type

CURLcode nsx_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode nsx_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
/// For string results; the string belongs to libcurl and lives until the next transfer.
CURLcode nsx_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);

/// CURL_GLOBAL_ALL as the `long` that curl_global_init takes.
extern const long nsx_curl_global_all;

// MARK: the process-wide cancellation flag
//
// Raised from a SIGINT handler, so it is a volatile sig_atomic_t: the one kind
// of object a signal handler may write. Read by the transfer-progress callback.

void nsx_cancellation_raise(void);
void nsx_cancellation_lower(void);
int nsx_cancellation_is_raised(void);

#endif
