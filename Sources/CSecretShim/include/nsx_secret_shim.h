// Marshalling between Swift and libsecret's non-variadic password calls.
//
// libsecret (with GLib and GIO) is opened at run time (dlopen "libsecret-1.so.0", once,
// behind pthread_once) on the first call here, so commands that never touch the keyring
// never map it. When it cannot be loaded, every call fails with
// NSXSecretErrorDomainUnavailable and the loader's reason as the message.
//
// Swift cannot call libsecret's variadic secret_password_*_sync functions, so
// these wrappers take plain C strings, build the attribute table for the
// static `com.nurosentrix.nsx` schema and call the *v_sync variants. They hold
// no policy: classification of errors, deadlines and retries live in Swift.
// GLib types stay out of this header so Swift never sees a GLib pointer.
#ifndef NSX_SECRET_SHIM_H
#define NSX_SECRET_SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A GCancellable, opaque to Swift. Create with nsx_secret_cancellable_new,
/// release with nsx_secret_cancellable_free; cancelling is thread-safe.
typedef struct NSXSecretCancellable NSXSecretCancellable;

/// Which GLib error domain a failure came from (GQuarks are not stable
/// numbers, so the shim maps the ones Swift needs to tell apart).
typedef enum {
    NSXSecretErrorDomainOther = 0,
    NSXSecretErrorDomainSecret = 1,   // SECRET_ERROR
    NSXSecretErrorDomainIO = 2,       // G_IO_ERROR
    NSXSecretErrorDomainDBus = 3,     // G_DBUS_ERROR
    NSXSecretErrorDomainSpawn = 4,    // G_SPAWN_ERROR (bus autolaunch)
    NSXSecretErrorDomainUnavailable = 5, // libsecret could not be loaded
} NSXSecretErrorDomain;

/// A copy of a GError; the GError itself is always freed by the shim.
typedef struct {
    int failed;                       // 1 when the call reported an error
    NSXSecretErrorDomain domain;
    int code;                         // the GError code within its domain
    char domain_name[64];             // g_quark_to_string(domain), for messages
    char dbus_error_name[128];        // remote D-Bus error name, or ""
    char message[512];                // GError message, truncated
} NSXSecretError;

/// Receives a looked-up secret. The bytes are valid only during the call;
/// the shim wipes and frees them afterwards.
typedef void (*NSXSecretReceiver)(const char *secret, size_t length, void *context);

/// GLib error codes Swift compares against, exported so Swift does not
/// hard-code GLib's enum values.
extern const int NSXSecretErrorIsLocked;          // SECRET_ERROR_IS_LOCKED
extern const int NSXIOErrorCancelled;             // G_IO_ERROR_CANCELLED
extern const int NSXIOErrorDBusError;             // G_IO_ERROR_DBUS_ERROR
extern const int NSXIOErrorNotFound;              // G_IO_ERROR_NOT_FOUND
extern const int NSXIOErrorConnectionRefused;     // G_IO_ERROR_CONNECTION_REFUSED
extern const int NSXIOErrorPermissionDenied;      // G_IO_ERROR_PERMISSION_DENIED
extern const int NSXIOErrorClosed;                // G_IO_ERROR_CLOSED
extern const int NSXIOErrorBrokenPipe;            // G_IO_ERROR_BROKEN_PIPE
extern const int NSXIOErrorConnectionClosed;      // G_IO_ERROR_CONNECTION_CLOSED
extern const int NSXIOErrorNotConnected;          // G_IO_ERROR_NOT_CONNECTED
extern const int NSXIOErrorTimedOut;              // G_IO_ERROR_TIMED_OUT
extern const int NSXIOErrorInvalidArgument;       // G_IO_ERROR_INVALID_ARGUMENT (bad bus address)
extern const int NSXDBusErrorFailed;              // G_DBUS_ERROR_FAILED
extern const int NSXDBusErrorUnknownObject;       // G_DBUS_ERROR_UNKNOWN_OBJECT

/// Opens libsecret now, if it is not open yet, and returns 1 when it is loaded (0 when it
/// cannot be). The other calls open it on first use anyway; this lets a caller do it early,
/// on a thread of its own, so that the work overlaps something else.
int nsx_secret_preload(void);

/// NULL when libsecret cannot be loaded; the other two accept NULL.
NSXSecretCancellable *nsx_secret_cancellable_new(void);
void nsx_secret_cancellable_cancel(NSXSecretCancellable *cancellable);
void nsx_secret_cancellable_free(NSXSecretCancellable *cancellable);

/// Stores (or replaces) the item for profile + api_url in the default
/// collection. Returns 1 on success, 0 on error (see *error).
int nsx_secret_store(const char *profile, const char *api_url, const char *label,
                     const char *secret, NSXSecretCancellable *cancellable,
                     NSXSecretError *error);

/// Looks up the item for profile + api_url. Returns 1 and calls receiver when
/// found, 0 when there is no such item, -1 on error (see *error).
int nsx_secret_lookup(const char *profile, const char *api_url,
                      NSXSecretReceiver receiver, void *context,
                      NSXSecretCancellable *cancellable, NSXSecretError *error);

/// Counts the items for profile + api_url that are locked, without trying to
/// unlock them (lookup and clear report a locked item as absent when the
/// unlock prompt fails). Returns the count, or -1 on error (see *error).
int nsx_secret_count_locked(const char *profile, const char *api_url,
                            NSXSecretCancellable *cancellable, NSXSecretError *error);

/// Removes the item for profile + api_url. Returns 1 when an item was
/// removed, 0 when there was none, -1 on error (see *error).
int nsx_secret_clear(const char *profile, const char *api_url,
                     NSXSecretCancellable *cancellable, NSXSecretError *error);

// MARK: a lookup in a child process

/// A lookup running in a forked child (nsx_secret_lookup_fork); the pipe carries its answer.
typedef struct {
    int pid;
    int answer_fd;
    /// 1 while the child's start message (which comes before its answer) is still unread.
    int start_unread;
} NSXSecretChild;

/// Starts looking up profile + api_url in a child process: a fork of this one that opens
/// libsecret, looks the item up (and, when nothing is found, counts locked items, as
/// nsx_secret_count_locked does), writes the outcome to a pipe and exits. The lookup then
/// runs in an address space of its own, beside whatever this process does meanwhile.
/// The caller keeps descriptors 0-2 open (nsx does from its start), so the pipe lies above.
/// Only a process with a single thread that has not asked for libsecret yet may fork so:
/// otherwise (and when fork or pipe fail) this returns an errno value (EBUSY for the first
/// two) and the caller looks the item up itself. Returns 0 and fills *child on success.
/// It returns once the child runs (or after a second without news of it, which comes on
/// top of the answer's own deadline), and off the CPU the child started on when another is
/// allowed: the child then starts at once instead of waiting behind this process, and what
/// this process does next runs beside it.
int nsx_secret_lookup_fork(const char *profile, const char *api_url, NSXSecretChild *child);

/// How a forked lookup ended (nsx_secret_lookup_finish).
typedef enum {
    NSXSecretChildAnswered = 0,   // *status, *locked and *error hold the child's outcome
    NSXSecretChildTimedOut = 1,   // no answer by the deadline: the child was killed
    NSXSecretChildVanished = 2,   // the child ended without an answer; *error says how
} NSXSecretChildEnding;

/// Waits up to timeout_ms for the child's answer; call once. A child that does not answer
/// in time is killed, and one that ends without answering is reaped; one that answered is
/// left to exit on its own, for nsx_secret_child_reap.
/// *status is what nsx_secret_lookup returned (1 found: receiver has had the secret;
/// 0 not found; -1 error in *error). With status 0, *locked is the number of locked items.
NSXSecretChildEnding nsx_secret_lookup_finish(NSXSecretChild child, int timeout_ms,
                                              NSXSecretReceiver receiver, void *context,
                                              int *status, int *locked, NSXSecretError *error);

/// Waits for a child that has answered to exit (by then it is only unmapping its libraries).
void nsx_secret_child_reap(NSXSecretChild child);

#ifdef __cplusplus
}
#endif

#endif
