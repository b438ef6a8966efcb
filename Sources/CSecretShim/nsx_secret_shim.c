#include "nsx_secret_shim.h"

#include <string.h>
#include <libsecret/secret.h>

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

NSXSecretCancellable *nsx_secret_cancellable_new(void) {
    return (NSXSecretCancellable *)g_cancellable_new();
}

void nsx_secret_cancellable_cancel(NSXSecretCancellable *cancellable) {
    g_cancellable_cancel((GCancellable *)cancellable);
}

void nsx_secret_cancellable_free(NSXSecretCancellable *cancellable) {
    g_object_unref((GCancellable *)cancellable);
}

// The table borrows the key and value strings: they outlive the call.
static GHashTable *nsx_attributes(const char *profile, const char *api_url) {
    GHashTable *attributes = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(attributes, "profile", (gpointer)profile);
    g_hash_table_insert(attributes, "api_url", (gpointer)api_url);
    return attributes;
}

static NSXSecretErrorDomain nsx_domain(GQuark domain) {
    if (domain == SECRET_ERROR) return NSXSecretErrorDomainSecret;
    if (domain == G_IO_ERROR) return NSXSecretErrorDomainIO;
    if (domain == G_DBUS_ERROR) return NSXSecretErrorDomainDBus;
    if (domain == G_SPAWN_ERROR) return NSXSecretErrorDomainSpawn;
    return NSXSecretErrorDomainOther;
}

// Copies the GError into the caller's struct and frees it.
static void nsx_take_error(GError *gerror, NSXSecretError *out) {
    memset(out, 0, sizeof *out);
    if (gerror == NULL) return;
    out->failed = 1;
    out->domain = nsx_domain(gerror->domain);
    out->code = gerror->code;
    g_strlcpy(out->domain_name, g_quark_to_string(gerror->domain), sizeof out->domain_name);
    gchar *remote = g_dbus_error_get_remote_error(gerror);
    if (remote != NULL) {
        g_strlcpy(out->dbus_error_name, remote, sizeof out->dbus_error_name);
        g_free(remote);
    }
    g_strlcpy(out->message, gerror->message != NULL ? gerror->message : "", sizeof out->message);
    g_error_free(gerror);
}

int nsx_secret_store(const char *profile, const char *api_url, const char *label,
                     const char *secret, NSXSecretCancellable *cancellable,
                     NSXSecretError *error) {
    GError *gerror = NULL;
    GHashTable *attributes = nsx_attributes(profile, api_url);
    gboolean stored = secret_password_storev_sync(&nsx_schema, attributes, SECRET_COLLECTION_DEFAULT,
                                                  label, secret, (GCancellable *)cancellable, &gerror);
    g_hash_table_unref(attributes);
    nsx_take_error(gerror, error);
    return stored && !error->failed ? 1 : 0;
}

int nsx_secret_lookup(const char *profile, const char *api_url,
                      NSXSecretReceiver receiver, void *context,
                      NSXSecretCancellable *cancellable, NSXSecretError *error) {
    GError *gerror = NULL;
    GHashTable *attributes = nsx_attributes(profile, api_url);
    gchar *secret = secret_password_lookupv_sync(&nsx_schema, attributes,
                                                 (GCancellable *)cancellable, &gerror);
    g_hash_table_unref(attributes);
    nsx_take_error(gerror, error);
    if (error->failed) {
        secret_password_free(secret);
        return -1;
    }
    if (secret == NULL) return 0;
    receiver(secret, strlen(secret), context);
    secret_password_free(secret); // wipes before freeing
    return 1;
}

int nsx_secret_count_locked(const char *profile, const char *api_url,
                            NSXSecretCancellable *cancellable, NSXSecretError *error) {
    GError *gerror = NULL;
    GHashTable *attributes = nsx_attributes(profile, api_url);
    GList *items = secret_service_search_sync(NULL, &nsx_schema, attributes, SECRET_SEARCH_ALL,
                                              (GCancellable *)cancellable, &gerror);
    g_hash_table_unref(attributes);
    nsx_take_error(gerror, error);
    int locked = 0;
    for (GList *item = items; item != NULL; item = item->next) {
        if (secret_item_get_locked(SECRET_ITEM(item->data))) locked++;
    }
    g_list_free_full(items, g_object_unref);
    return error->failed ? -1 : locked;
}

int nsx_secret_clear(const char *profile, const char *api_url,
                     NSXSecretCancellable *cancellable, NSXSecretError *error) {
    GError *gerror = NULL;
    GHashTable *attributes = nsx_attributes(profile, api_url);
    gboolean removed = secret_password_clearv_sync(&nsx_schema, attributes,
                                                   (GCancellable *)cancellable, &gerror);
    g_hash_table_unref(attributes);
    nsx_take_error(gerror, error);
    if (error->failed) return -1;
    return removed ? 1 : 0;
}
