// The libcurl functions CCurlShim.c looks up in libcurl.so.4, with their prototypes.
// X(return type, name, parameter list) — expanded once for the table of function
// pointers and once for the dlsym calls; scripts/check-shim-abi expands it against the
// real <curl/curl.h> to prove every prototype matches. Include after the types
// (curl_abi.h, or curl.h in that check).

#define NSX_CURL_FUNCTIONS(X)                                                              \
    X(CURLcode, curl_global_init, (long flags))                                            \
    X(CURL *, curl_easy_init, (void))                                                      \
    X(void, curl_easy_cleanup, (CURL *handle))                                             \
    X(void, curl_easy_reset, (CURL *handle))                                               \
    X(CURLcode, curl_easy_perform, (CURL *handle))                                         \
    X(CURLcode, curl_easy_setopt, (CURL *handle, CURLoption option, ...))                  \
    X(CURLcode, curl_easy_getinfo, (CURL *handle, CURLINFO info, ...))                     \
    X(const char *, curl_easy_strerror, (CURLcode code))                                   \
    X(struct curl_slist *, curl_slist_append, (struct curl_slist *list, const char *data)) \
    X(void, curl_slist_free_all, (struct curl_slist *list))                                \
    X(CURLU *, curl_url, (void))                                                           \
    X(void, curl_url_cleanup, (CURLU *url))                                                \
    X(CURLUcode, curl_url_set, (CURLU *url, CURLUPart part, const char *content,           \
                                unsigned int flags))                                       \
    X(CURLUcode, curl_url_get, (CURLU *url, CURLUPart part, char **content,                \
                                unsigned int flags))                                       \
    X(const char *, curl_url_strerror, (CURLUcode code))                                   \
    X(void, curl_free, (void *pointer))
