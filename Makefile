# The two commands of the README: `make run` (the chat over the bundled corpus) and `make test`.
SWIFT ?= swift
BIN := .build/release/panelist

.PHONY: run test deps build

run: build
	@$(BIN)

build: deps
	$(SWIFT) build -c release --product panelist --static-swift-stdlib
	$(SWIFT) build -c release --product panelist-server --static-swift-stdlib

test: deps
	$(SWIFT) test

# System packages, then the sentence encoder's model (once; a no-op when it is in the cache and valid), then
# the service tests' Python clients (a venv under ~/.cache; a no-op when it is ready).
deps:
	@scripts/install-deps.sh
	@scripts/fetch-model.sh
	@scripts/service-venv.sh >/dev/null
