// The part of libsecret's and GLib's ABI that nsx_secret_shim.c uses, declared here so
// the build needs neither <libsecret/secret.h> nor glib's -I paths: libsecret is opened
// at run time. Private to the shim: Swift never sees a GLib type.
//
// Names and values are the libraries' own, stable under their sonames
// (libsecret-1.so.0, libglib-2.0.so.0, libgio-2.0.so.0). scripts/check-shim-abi
// compares each constant and struct layout with the real headers.

#ifndef NSX_SECRET_ABI_H
#define NSX_SECRET_ABI_H

#include <stddef.h>
#include <stdint.h>

// MARK: GLib

typedef char gchar;
typedef int gint;
typedef unsigned int guint;
typedef gint gboolean;
typedef void *gpointer;
typedef const void *gconstpointer;
typedef uint32_t GQuark;

typedef guint (*GHashFunc)(gconstpointer key);
typedef gboolean (*GEqualFunc)(gconstpointer a, gconstpointer b);
typedef void (*GDestroyNotify)(gpointer data);

typedef struct _GHashTable GHashTable;
typedef struct _GCancellable GCancellable;

typedef struct _GError {
    GQuark domain;
    gint code;
    gchar *message;
} GError;

typedef struct _GList {
    gpointer data;
    struct _GList *next;
    struct _GList *prev;
} GList;

enum {
    G_IO_ERROR_NOT_FOUND = 1,
    G_IO_ERROR_INVALID_ARGUMENT = 13,
    G_IO_ERROR_PERMISSION_DENIED = 14,
    G_IO_ERROR_CLOSED = 18,
    G_IO_ERROR_CANCELLED = 19,
    G_IO_ERROR_TIMED_OUT = 24,
    G_IO_ERROR_DBUS_ERROR = 36,
    G_IO_ERROR_CONNECTION_REFUSED = 39,
    G_IO_ERROR_BROKEN_PIPE = 44,
    G_IO_ERROR_CONNECTION_CLOSED = 44,  // an alias of BROKEN_PIPE in GIO itself
    G_IO_ERROR_NOT_CONNECTED = 45,
};

enum {
    G_DBUS_ERROR_FAILED = 0,
    G_DBUS_ERROR_UNKNOWN_OBJECT = 41,
};

// MARK: libsecret

typedef struct _SecretService SecretService;
typedef struct _SecretItem SecretItem;

typedef enum {
    SECRET_SCHEMA_NONE = 0,
} SecretSchemaFlags;

typedef enum {
    SECRET_SCHEMA_ATTRIBUTE_STRING = 0,
} SecretSchemaAttributeType;

typedef enum {
    SECRET_SEARCH_ALL = 1 << 1,
} SecretSearchFlags;

enum {
    SECRET_ERROR_IS_LOCKED = 2,
};

typedef struct {
    const gchar *name;
    SecretSchemaAttributeType type;
} SecretSchemaAttribute;

typedef struct {
    const gchar *name;
    SecretSchemaFlags flags;
    SecretSchemaAttribute attributes[32];
    gint reserved;
    gpointer reserved1;
    gpointer reserved2;
    gpointer reserved3;
    gpointer reserved4;
    gpointer reserved5;
    gpointer reserved6;
    gpointer reserved7;
} SecretSchema;

#define SECRET_COLLECTION_DEFAULT "default"

#endif
