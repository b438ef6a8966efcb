# The two commands a new machine needs:  make demo   and   make test
SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

.PHONY: all deps build release test test-swift test-openapi test-shim-abi test-release demo bench clean

all: build

deps:
	@scripts/install-deps
	@scripts/install-python-deps

build: deps
	$(SWIFT) build

# The build that ships and is measured: .build/release/nsx and nsx-server (scripts/build-release).
release: deps
	scripts/build-release

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

# A narrated tour against a local nsx-server with throwaway data, config and keyring.
demo: build
	NSX_BIN_DIR=$(BIN_DIR) scripts/with-keyring scripts/demo.sh

# Every benchmark (bench/all.sh), against a fresh release build.
bench: deps
	bench/all.sh

clean:
	rm -rf .build
