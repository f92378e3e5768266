# The two commands of the README: `make run` (the chat over the bundled corpus) and `make test`.
# `make install PREFIX=…` installs the binary, its man page and shell completions (default PREFIX /usr/local).
SWIFT ?= swift
BIN := .build/release/panelist
PREFIX ?= /usr/local
DESTDIR ?=
MANPAGE := docs/panelist.1

.PHONY: run test deps build install install-files man

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

install: build install-files

# The binary and its resources in lib/panelist (it finds them beside itself), linked from bin; the man
# page; completions where bash-completion, zsh and fish look for them.
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/panelist $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/lib/panelist/panelist
	rm -rf $(DESTDIR)$(PREFIX)/lib/panelist/Panelist_Bundled.resources
	cp -R $(dir $(BIN))Panelist_Bundled.resources $(DESTDIR)$(PREFIX)/lib/panelist/
	ln -sf ../lib/panelist/panelist $(DESTDIR)$(PREFIX)/bin/panelist
	install -m 644 $(MANPAGE) $(DESTDIR)$(PREFIX)/share/man/man1/panelist.1
	$(BIN) completions bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/panelist
	$(BIN) completions zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_panelist
	$(BIN) completions fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/panelist.fish

# Regenerates docs/panelist.1 from the ArgumentParser definitions (swift-argument-parser's generate-manual
# plugin); a test checks that it names every command and option.
man:
	$(SWIFT) package generate-manual --configuration release --date 2026-11-30 \
		--authors Panelist
	cp .build/plugins/GenerateManual/outputs/panelist/panelist.1 $(MANPAGE)
