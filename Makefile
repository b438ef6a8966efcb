# The two commands a new machine needs:  make demo   and   make test
SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

.PHONY: all deps build test test-swift test-openapi demo bench clean

all: build

deps:
	@scripts/install-deps
	@scripts/install-python-deps

build: deps
	$(SWIFT) build

# The whole suite: unit, server, and end-to-end tests (real nsx, real nsx-server over
# loopback, real gnome-keyring in a throwaway D-Bus session), then the server's
# responses checked against docs/openapi.yaml.
test: build test-swift test-openapi

test-swift:
	NSX_BIN_DIR=$(BIN_DIR) scripts/with-keyring $(SWIFT) test

test-openapi:
	NSX_BIN_DIR=$(BIN_DIR) scripts/check-openapi.sh

# A narrated tour against a local nsx-server with throwaway data, config and keyring.
demo: build
	NSX_BIN_DIR=$(BIN_DIR) scripts/with-keyring scripts/demo.sh

bench: deps
	bench/server.sh
	bench/list.sh
	bench/scan.sh

clean:
	rm -rf .build
