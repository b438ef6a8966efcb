#define _GNU_SOURCE 1  // RTLD_DEEPBIND

#include "CLibraryLoader.h"

#include <dlfcn.h>
#include <stdio.h>

static void nsx_copy_error(const char *what, char *error, size_t capacity) {
    const char *why = dlerror();
    snprintf(error, capacity, "%s", why != NULL ? why : what);
}

int nsx_library_load(const char *soname, const NSXLibrarySymbol *symbols, size_t count,
                     char *error, size_t error_capacity) {
    // RTLD_LOCAL: the library's symbols stay out of the global scope, so nothing else in
    // the process can bind to them by accident. RTLD_LAZY: the loader binds a function on
    // its first call, as it does for a linked library; RTLD_NOW would bind every import of
    // the library and of its thirty dependencies (most never called) up front, which was
    // over 40 % of a `servers get`. The functions nsx calls are resolved below, now.
    // RTLD_DEEPBIND: the library and its dependencies look a symbol up among themselves
    // before the global scope (nsx, libm, libc), where nearly every
    // lookup of their thousands of relocations would first fail: 15 % fewer instructions
    // for opening libcurl, 14 % for libsecret. Nothing is found differently: nsx exports
    // none of their symbols, and has no copy relocations whose originals they would read
    // instead (scripts/check-release checks that).
    void *library = dlopen(soname, RTLD_LAZY | RTLD_LOCAL | RTLD_DEEPBIND);
    if (library == NULL) {
        nsx_copy_error(soname, error, error_capacity);
        return 0;
    }
    for (size_t index = 0; index < count; index++) {
        dlerror();
        void *address = dlsym(library, symbols[index].name);
        if (address == NULL) {
            nsx_copy_error(symbols[index].name, error, error_capacity);
            dlclose(library);
            return 0;
        }
        *symbols[index].slot = address;
    }
    // Never closed: the functions stay in use until the process exits.
    return 1;
}
