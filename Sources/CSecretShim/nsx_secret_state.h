// Shared between the shim's own files; not part of the Swift interface.
#ifndef NSX_SECRET_STATE_H
#define NSX_SECRET_STATE_H

/// 1 once anything in this process has asked for libsecret (opened or not): GLib's state
/// then belongs to this process's threads, and a forked child must not use it.
int nsx_secret_was_opened(void);

#endif
