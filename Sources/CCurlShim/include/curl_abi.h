// The part of libcurl's public ABI that nsx uses, declared here so the build needs
// neither <curl/curl.h> nor an -I path: libcurl is opened at run time (CCurlShim.c).
//
// Names and values are libcurl's own. Under the soname libcurl.so.4 libcurl never
// renumbers an option, info or error code, nor changes these structs, so they hold for
// every libcurl 7.x and 8.x. scripts/check-shim-abi compares each one with the real
// headers; add a constant here and the check covers it.

#ifndef NSX_CURL_ABI_H
#define NSX_CURL_ABI_H

#include <stddef.h>
#include <stdint.h>

typedef void CURL;
typedef struct Curl_URL CURLU;
typedef int64_t curl_off_t;

struct curl_slist {
    char *data;
    struct curl_slist *next;
};

struct curl_blob {
    void *data;
    size_t len;
    unsigned int flags;
};

#define CURL_BLOB_COPY 1
#define CURL_ERROR_SIZE 256
#define CURL_GLOBAL_ALL 3
#define CURL_PREREQFUNC_OK 0
#define CURL_PREREQFUNC_ABORT 1
#define CURLU_DEFAULT_PORT 1

typedef enum {
    CURLE_OK = 0,
    CURLE_FAILED_INIT = 2,
    CURLE_URL_MALFORMAT = 3,
    CURLE_COULDNT_RESOLVE_PROXY = 5,
    CURLE_COULDNT_RESOLVE_HOST = 6,
    CURLE_COULDNT_CONNECT = 7,
    CURLE_HTTP2 = 16,
    CURLE_PARTIAL_FILE = 18,
    CURLE_WRITE_ERROR = 23,
    CURLE_OUT_OF_MEMORY = 27,
    CURLE_OPERATION_TIMEDOUT = 28,
    CURLE_SSL_CONNECT_ERROR = 35,
    CURLE_ABORTED_BY_CALLBACK = 42,
    CURLE_GOT_NOTHING = 52,
    CURLE_SSL_ENGINE_NOTFOUND = 53,
    CURLE_SSL_ENGINE_SETFAILED = 54,
    CURLE_SEND_ERROR = 55,
    CURLE_RECV_ERROR = 56,
    CURLE_SSL_CERTPROBLEM = 58,
    CURLE_SSL_CIPHER = 59,
    CURLE_PEER_FAILED_VERIFICATION = 60,
    CURLE_FILESIZE_EXCEEDED = 63,
    CURLE_USE_SSL_FAILED = 64,
    CURLE_SSL_ENGINE_INITFAILED = 66,
    CURLE_SSL_CACERT_BADFILE = 77,
    CURLE_SSL_SHUTDOWN_FAILED = 80,
    CURLE_SSL_CRL_BADFILE = 82,
    CURLE_SSL_ISSUER_ERROR = 83,
    CURLE_SSL_PINNEDPUBKEYNOTMATCH = 90,
    CURLE_SSL_INVALIDCERTSTATUS = 91,
    CURLE_HTTP2_STREAM = 92,
    CURLE_SSL_CLIENTCERT = 98,
} CURLcode;

// An option's number is its argument type's base (long 0, pointer 10000, function
// 20000, curl_off_t 30000, blob 40000) plus its index.
typedef enum {
    CURLOPT_LOW_SPEED_LIMIT = 19,
    CURLOPT_LOW_SPEED_TIME = 20,
    CURLOPT_NOPROGRESS = 43,
    CURLOPT_NOBODY = 44,
    CURLOPT_FOLLOWLOCATION = 52,
    CURLOPT_SSL_VERIFYPEER = 64,
    CURLOPT_SSL_VERIFYHOST = 81,
    CURLOPT_NOSIGNAL = 99,
    CURLOPT_TIMEOUT_MS = 155,
    CURLOPT_CONNECTTIMEOUT_MS = 156,
    CURLOPT_TCP_KEEPALIVE = 213,
    CURLOPT_WRITEDATA = 10001,
    CURLOPT_ERRORBUFFER = 10010,
    CURLOPT_USERAGENT = 10018,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_HEADERDATA = 10029,
    CURLOPT_CUSTOMREQUEST = 10036,
    CURLOPT_XFERINFODATA = 10057,
    CURLOPT_CAINFO = 10065,
    CURLOPT_ACCEPT_ENCODING = 10102,
    CURLOPT_COPYPOSTFIELDS = 10165,
    CURLOPT_NOPROXY = 10177,
    CURLOPT_RESOLVE = 10203,
    CURLOPT_CURLU = 10282,
    CURLOPT_PROTOCOLS_STR = 10318,
    CURLOPT_PREREQDATA = 10313,
    CURLOPT_REDIR_PROTOCOLS_STR = 10319,
    CURLOPT_WRITEFUNCTION = 20011,
    CURLOPT_HEADERFUNCTION = 20079,
    CURLOPT_XFERINFOFUNCTION = 20219,
    CURLOPT_PREREQFUNCTION = 20312,
    CURLOPT_MAXFILESIZE_LARGE = 30117,
    CURLOPT_POSTFIELDSIZE_LARGE = 30120,
    CURLOPT_CAINFO_BLOB = 40309,
} CURLoption;

// The result type's base (string 0x100000, long 0x200000) plus an index.
typedef enum {
    CURLINFO_CAINFO = 0x100000 + 61,
    CURLINFO_RESPONSE_CODE = 0x200000 + 2,
} CURLINFO;

typedef enum {
    CURLUE_OK = 0,
    CURLUE_BAD_HANDLE = 1,
    CURLUE_UNSUPPORTED_SCHEME = 5,
    CURLUE_BAD_SCHEME = 27,
} CURLUcode;

typedef enum {
    CURLUPART_URL = 0,
    CURLUPART_SCHEME = 1,
    CURLUPART_HOST = 5,
    CURLUPART_PORT = 6,
} CURLUPart;

#endif
