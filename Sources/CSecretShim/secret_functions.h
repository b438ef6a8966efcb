// The functions nsx_secret_shim.c looks up through libsecret-1.so.0 (GLib's and GIO's
// among them: libsecret depends on those libraries, and dlsym searches a library's
// dependencies too), with their prototypes. X(return type, name, parameter list) —
// expanded for the table of function pointers and for the dlsym calls;
// scripts/check-shim-abi expands it against the real headers to prove every prototype.
// Include after the types (secret_abi.h, or <libsecret/secret.h> in that check).

#define NSX_SECRET_FUNCTIONS(X)                                                                   \
    X(GQuark, g_io_error_quark, (void))                                                           \
    X(GQuark, g_dbus_error_quark, (void))                                                         \
    X(GQuark, g_spawn_error_quark, (void))                                                        \
    X(GQuark, secret_error_get_quark, (void))                                                     \
    X(const gchar *, g_quark_to_string, (GQuark quark))                                           \
    X(void, g_error_free, (GError *error))                                                        \
    X(gchar *, g_dbus_error_get_remote_error, (const GError *error))                              \
    X(void, g_free, (gpointer memory))                                                            \
    X(GCancellable *, g_cancellable_new, (void))                                                  \
    X(void, g_cancellable_cancel, (GCancellable *cancellable))                                    \
    X(void, g_object_unref, (gpointer object))                                                    \
    X(GHashTable *, g_hash_table_new, (GHashFunc hash, GEqualFunc equal))                         \
    X(gboolean, g_hash_table_insert, (GHashTable *table, gpointer key, gpointer value))           \
    X(void, g_hash_table_unref, (GHashTable *table))                                              \
    X(guint, g_str_hash, (gconstpointer key))                                                     \
    X(gboolean, g_str_equal, (gconstpointer a, gconstpointer b))                                  \
    X(void, g_list_free_full, (GList *list, GDestroyNotify free_function))                        \
    X(gboolean, secret_password_storev_sync,                                                      \
      (const SecretSchema *schema, GHashTable *attributes, const gchar *collection,               \
       const gchar *label, const gchar *password, GCancellable *cancellable, GError **error))     \
    X(gchar *, secret_password_lookupv_sync,                                                      \
      (const SecretSchema *schema, GHashTable *attributes, GCancellable *cancellable,             \
       GError **error))                                                                           \
    X(gboolean, secret_password_clearv_sync,                                                      \
      (const SecretSchema *schema, GHashTable *attributes, GCancellable *cancellable,             \
       GError **error))                                                                           \
    X(void, secret_password_free, (gchar *password))                                              \
    X(GList *, secret_service_search_sync,                                                        \
      (SecretService *service, const SecretSchema *schema, GHashTable *attributes,                \
       SecretSearchFlags flags, GCancellable *cancellable, GError **error))                       \
    X(gboolean, secret_item_get_locked, (SecretItem *self))
