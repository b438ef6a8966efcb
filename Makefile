# The two commands a new machine needs:  make demo   and   make test
SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

.PHONY: all deps build release install uninstall deb test test-swift test-openapi test-shim-abi test-release \
        test-install demo bench clean

all: build

deps:
	@scripts/install-deps
	@scripts/install-python-deps

build: deps
	$(SWIFT) build

# The build that ships and is measured: .build/release/nsx and nsx-server (scripts/build-release).
release: deps
	scripts/build-release

# Where `make install` puts things (GNU conventions: DESTDIR stages, every directory can be
# overridden). The Debian package is staged by this same rule (scripts/build-deb).
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
MAN1DIR ?= $(MANDIR)/man1
BASH_COMPLETION_DIR ?= $(DATADIR)/bash-completion/completions
ZSH_COMPLETION_DIR ?= $(DATADIR)/zsh/site-functions
FISH_COMPLETION_DIR ?= $(DATADIR)/fish/vendor_completions.d
INSTALL ?= install
INSTALL_PROGRAM ?= $(INSTALL) -m 0755
INSTALL_DATA ?= $(INSTALL) -m 0644

# The binaries to install: the release build, or RELEASE_DIR=… for one built elsewhere.
RELEASE_DIR ?= .build/release
RELEASE_BINARIES = $(RELEASE_DIR)/nsx $(RELEASE_DIR)/nsx-server
MAN_PAGES = $(wildcard man/*.1)
INSTALLED_FILES = $(addprefix $(DESTDIR)$(BINDIR)/,$(notdir $(RELEASE_BINARIES))) \
	$(addprefix $(DESTDIR)$(MAN1DIR)/,$(notdir $(MAN_PAGES))) \
	$(DESTDIR)$(BASH_COMPLETION_DIR)/nsx \
	$(DESTDIR)$(ZSH_COMPLETION_DIR)/_nsx \
	$(DESTDIR)$(FISH_COMPLETION_DIR)/nsx.fish

# `sudo make install` builds only when there is no release build yet, so root does not
# compile into a tree that belongs to someone else (`make release` first).
$(RELEASE_BINARIES) &:
	$(MAKE) release

install: $(RELEASE_BINARIES)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MAN1DIR) $(DESTDIR)$(BASH_COMPLETION_DIR) \
		$(DESTDIR)$(ZSH_COMPLETION_DIR) $(DESTDIR)$(FISH_COMPLETION_DIR)
	$(INSTALL_PROGRAM) $(RELEASE_BINARIES) $(DESTDIR)$(BINDIR)
	$(INSTALL_DATA) $(MAN_PAGES) $(DESTDIR)$(MAN1DIR)
	$(INSTALL_DATA) completions/nsx.bash $(DESTDIR)$(BASH_COMPLETION_DIR)/nsx
	$(INSTALL_DATA) completions/_nsx $(DESTDIR)$(ZSH_COMPLETION_DIR)/_nsx
	$(INSTALL_DATA) completions/nsx.fish $(DESTDIR)$(FISH_COMPLETION_DIR)/nsx.fish

# The files `install` put there, and nothing else: directories stay, as other programs may
# share them (automake's distcheck asks the same: no file left behind).
uninstall:
	rm -f $(INSTALLED_FILES)

# nsx_<version>_amd64.deb and nsx-server_<version>_amd64.deb in this folder, from the release
# build (scripts/build-deb; packaging/debian/ holds the control, copyright and changelog).
deb: release
	scripts/build-deb

# The whole suite: unit, server, and end-to-end tests (real nsx, real nsx-server over
# loopback, real gnome-keyring in a throwaway D-Bus session), then the server's
# responses checked against docs/openapi.yaml; the C shims' declarations checked against
# libcurl's and libsecret's real headers.
test: build test-swift test-openapi test-shim-abi

test-swift:
	NSX_BIN_DIR=$(BIN_DIR) scripts/with-keyring $(SWIFT) test

test-openapi:
	NSX_BIN_DIR=$(BIN_DIR) scripts/check-openapi.sh

test-shim-abi: deps
	scripts/check-shim-abi

# The shipped build: self-contained (scripts/check-release), and the end-to-end suites
# again against it: it must behave the same.
test-release: release
	scripts/check-release .build/release
	NSX_BIN_DIR=$(CURDIR)/.build/release scripts/with-keyring $(SWIFT) test --filter EndToEndTests

# make install into a staging folder, and the Debian packages installed on this machine
# and removed again (scripts/check-install, scripts/check-deb; they need root).
test-install: release
	scripts/check-install
	scripts/check-deb

# A narrated tour against a local nsx-server with throwaway data, config and keyring.
demo: build
	NSX_BIN_DIR=$(BIN_DIR) scripts/with-keyring scripts/demo.sh

# Every benchmark (bench/all.sh), against a fresh release build.
bench: deps
	bench/all.sh

clean:
	rm -rf .build
