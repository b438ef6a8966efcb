#include "nsx_secret_shim.h"
#include "secret_abi.h"
#include "secret_functions.h"
#include "nsx_secret_state.h"

#include <CLibraryLoader.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// MARK: loading

// libsecret's (and GLib's) functions, filled in once by nsx_secret_load.
#define NSX_SECRET_POINTER(result, name, parameters) result (*name) parameters;
static struct {
    NSX_SECRET_FUNCTIONS(NSX_SECRET_POINTER)
} lib;

#define NSX_SECRET_SYMBOL(result, name, parameters) { #name, (void **)&lib.name },
static const NSXLibrarySymbol nsx_secret_symbols[] = { NSX_SECRET_FUNCTIONS(NSX_SECRET_SYMBOL) };

static pthread_once_t nsx_secret_once = PTHREAD_ONCE_INIT;
static int nsx_secret_loaded = 0;
static _Atomic int nsx_secret_touched = 0;
static char nsx_secret_load_failure[512];

static void nsx_secret_load(void) {
    nsx_secret_loaded = nsx_library_load("libsecret-1.so.0", nsx_secret_symbols,
                                         sizeof nsx_secret_symbols / sizeof nsx_secret_symbols[0],
                                         nsx_secret_load_failure, sizeof nsx_secret_load_failure);
}

static int nsx_secret_ready(void) {
    nsx_secret_touched = 1;
    pthread_once(&nsx_secret_once, nsx_secret_load);
    return nsx_secret_loaded;
}

// Fills *error for a call made while libsecret could not be loaded.
static void nsx_unavailable(NSXSecretError *error) {
    memset(error, 0, sizeof *error);
    error->failed = 1;
    error->domain = NSXSecretErrorDomainUnavailable;
    snprintf(error->message, sizeof error->message, "cannot load libsecret: %s", nsx_secret_load_failure);
}

// MARK: constants

const int NSXSecretErrorIsLocked = SECRET_ERROR_IS_LOCKED;
const int NSXIOErrorCancelled = G_IO_ERROR_CANCELLED;
const int NSXIOErrorDBusError = G_IO_ERROR_DBUS_ERROR;
const int NSXIOErrorNotFound = G_IO_ERROR_NOT_FOUND;
const int NSXIOErrorConnectionRefused = G_IO_ERROR_CONNECTION_REFUSED;
const int NSXIOErrorPermissionDenied = G_IO_ERROR_PERMISSION_DENIED;
const int NSXIOErrorClosed = G_IO_ERROR_CLOSED;
const int NSXIOErrorBrokenPipe = G_IO_ERROR_BROKEN_PIPE;
const int NSXIOErrorConnectionClosed = G_IO_ERROR_CONNECTION_CLOSED;
const int NSXIOErrorNotConnected = G_IO_ERROR_NOT_CONNECTED;
const int NSXIOErrorTimedOut = G_IO_ERROR_TIMED_OUT;
const int NSXIOErrorInvalidArgument = G_IO_ERROR_INVALID_ARGUMENT;
const int NSXDBusErrorFailed = G_DBUS_ERROR_FAILED;
const int NSXDBusErrorUnknownObject = G_DBUS_ERROR_UNKNOWN_OBJECT;

// Attribute values identify an item; they are stored unencrypted, so they
// must never carry anything secret.
static const SecretSchema nsx_schema = {
    "com.nurosentrix.nsx",
    SECRET_SCHEMA_NONE,
    {
        { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "api_url", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
};

int nsx_secret_was_opened(void) {
    return nsx_secret_touched;
}

int nsx_secret_preload(void) {
    return nsx_secret_ready();
}

NSXSecretCancellable *nsx_secret_cancellable_new(void) {
    return nsx_secret_ready() ? (NSXSecretCancellable *)lib.g_cancellable_new() : NULL;
}

void nsx_secret_cancellable_cancel(NSXSecretCancellable *cancellable) {
    if (cancellable != NULL) lib.g_cancellable_cancel((GCancellable *)cancellable);
}

void nsx_secret_cancellable_free(NSXSecretCancellable *cancellable) {
    if (cancellable != NULL) lib.g_object_unref(cancellable);
}

// The table borrows the key and value strings: they outlive the call.
static GHashTable *nsx_attributes(const char *profile, const char *api_url) {
    GHashTable *attributes = lib.g_hash_table_new(lib.g_str_hash, lib.g_str_equal);
    lib.g_hash_table_insert(attributes, "profile", (gpointer)profile);
    lib.g_hash_table_insert(attributes, "api_url", (gpointer)api_url);
    return attributes;
}

static NSXSecretErrorDomain nsx_domain(GQuark domain) {
    if (domain == lib.secret_error_get_quark()) return NSXSecretErrorDomainSecret;
    if (domain == lib.g_io_error_quark()) return NSXSecretErrorDomainIO;
    if (domain == lib.g_dbus_error_quark()) return NSXSecretErrorDomainDBus;
    if (domain == lib.g_spawn_error_quark()) return NSXSecretErrorDomainSpawn;
    return NSXSecretErrorDomainOther;
}

// Copies the GError into the caller's struct and frees it.
static void nsx_take_error(GError *gerror, NSXSecretError *out) {
    memset(out, 0, sizeof *out);
    if (gerror == NULL) return;
    out->failed = 1;
    out->domain = nsx_domain(gerror->domain);
    out->code = gerror->code;
    const gchar *domain_name = lib.g_quark_to_string(gerror->domain);
    snprintf(out->domain_name, sizeof out->domain_name, "%s", domain_name != NULL ? domain_name : "");
    gchar *remote = lib.g_dbus_error_get_remote_error(gerror);
    if (remote != NULL) {
        snprintf(out->dbus_error_name, sizeof out->dbus_error_name, "%s", remote);
        lib.g_free(remote);
    }
    snprintf(out->message, sizeof out->message, "%s", gerror->message != NULL ? gerror->message : "");
    lib.g_error_free(gerror);
}

int nsx_secret_store(const char *profile, const char *api_url, const char *label,
                     const char *secret, NSXSecretCancellable *cancellable,
                     NSXSecretError *error) {
    if (!nsx_secret_ready()) {
        nsx_unavailable(error);
        return 0;
    }
    GError *gerror = NULL;
    GHashTable *attributes = nsx_attributes(profile, api_url);
    gboolean stored = lib.secret_password_storev_sync(&nsx_schema, attributes, SECRET_COLLECTION_DEFAULT,
                                                      label, secret, (GCancellable *)cancellable, &gerror);
    lib.g_hash_table_unref(attributes);
    nsx_take_error(gerror, error);
    return stored && !error->failed ? 1 : 0;
}

int nsx_secret_lookup(const char *profile, const char *api_url,
                      NSXSecretReceiver receiver, void *context,
                      NSXSecretCancellable *cancellable, NSXSecretError *error) {
    if (!nsx_secret_ready()) {
        nsx_unavailable(error);
        return -1;
    }
    GError *gerror = NULL;
    GHashTable *attributes = nsx_attributes(profile, api_url);
    gchar *secret = lib.secret_password_lookupv_sync(&nsx_schema, attributes,
                                                     (GCancellable *)cancellable, &gerror);
    lib.g_hash_table_unref(attributes);
    nsx_take_error(gerror, error);
    if (error->failed) {
        lib.secret_password_free(secret);
        return -1;
    }
    if (secret == NULL) return 0;
    receiver(secret, strlen(secret), context);
    lib.secret_password_free(secret); // wipes before freeing
    return 1;
}

int nsx_secret_count_locked(const char *profile, const char *api_url,
                            NSXSecretCancellable *cancellable, NSXSecretError *error) {
    if (!nsx_secret_ready()) {
        nsx_unavailable(error);
        return -1;
    }
    GError *gerror = NULL;
    GHashTable *attributes = nsx_attributes(profile, api_url);
    GList *items = lib.secret_service_search_sync(NULL, &nsx_schema, attributes, SECRET_SEARCH_ALL,
                                                  (GCancellable *)cancellable, &gerror);
    lib.g_hash_table_unref(attributes);
    nsx_take_error(gerror, error);
    int locked = 0;
    for (GList *item = items; item != NULL; item = item->next) {
        if (lib.secret_item_get_locked((SecretItem *)item->data)) locked++;
    }
    lib.g_list_free_full(items, lib.g_object_unref);
    return error->failed ? -1 : locked;
}

int nsx_secret_clear(const char *profile, const char *api_url,
                     NSXSecretCancellable *cancellable, NSXSecretError *error) {
    if (!nsx_secret_ready()) {
        nsx_unavailable(error);
        return -1;
    }
    GError *gerror = NULL;
    GHashTable *attributes = nsx_attributes(profile, api_url);
    gboolean removed = lib.secret_password_clearv_sync(&nsx_schema, attributes,
                                                       (GCancellable *)cancellable, &gerror);
    lib.g_hash_table_unref(attributes);
    nsx_take_error(gerror, error);
    if (error->failed) return -1;
    return removed ? 1 : 0;
}
