// Opening a shared library at run time and resolving a table of its functions: the
// one loader behind CCurlShim and CSecretShim, so that nsx links neither libcurl nor
// libsecret and a command that never uses them never maps them.
#ifndef NSX_CLIBRARYLOADER_H
#define NSX_CLIBRARYLOADER_H

#include <stddef.h>

/// One function to resolve: its name in the library, and where its address goes
/// (the address of a function-pointer variable, as `void **`).
typedef struct {
    const char *name;
    void **slot;
} NSXLibrarySymbol;

/// Opens `soname` (a versioned soname such as "libcurl.so.4", found the way the dynamic
/// loader finds any library) and resolves every symbol, searching the library and its
/// own dependencies. Returns 1 on success; 0 when the library cannot be opened or lacks
/// a symbol, with the loader's own words (which name the file or the symbol) in `error`.
/// Not thread-safe: call it under the caller's pthread_once.
int nsx_library_load(const char *soname, const NSXLibrarySymbol *symbols, size_t count,
                     char *error, size_t error_capacity);

#endif
