# Mivzak: `make serve` and `make test` install whatever is missing, idempotently.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := serve

TOOLS      := $(CURDIR)/.tools
BINARYEN   := $(TOOLS)/binaryen/node_modules/.bin
E2E        := $(CURDIR)/tests/e2e
ISSO       := $(TOOLS)/isso/bin/isso
ISSO_VERSION := 0.14.0
DATA       := $(CURDIR)/.data
export PATH := $(BINARYEN):$(HOME)/.cargo/bin:$(PATH)

TRUNK_VERSION    := 0.21.14
BINARYEN_VERSION := 132.0.0
# The split step after the build (scripts/wasm-split.mjs): what cargo-leptos runs for --split.
WASM_SPLIT_VERSION := 0.2.4
# The CLI must match the wasm-bindgen crate exactly; Cargo.lock is the truth.
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p}' Cargo.lock)

.PHONY: serve test build tools rust-tools wasm-opt browser e2e-deps isso native-test lint e2e e2e-engines screenshots bench clean render render-tool render-sample publish

## The app on the sample feed at http://localhost:8080, rebuilt and reloaded on change,
## with a real Isso (comments kept in .data/) that trunk proxies at /isso/.
serve: rust-tools wasm-opt isso
	trunk build --offline --dist target/embed-dev embed.html
	@mkdir -p $(DATA)
	@printf '[general]\ndbpath = %s/comments.db\nhost = http://localhost:8080/\n[server]\nlisten = http://127.0.0.1:8081/\n' '$(DATA)' > $(DATA)/isso.cfg
	@$(ISSO) -c $(DATA)/isso.cfg run > $(DATA)/isso.log 2>&1 & isso=$$!; \
	  trap 'kill $$isso 2>/dev/null' EXIT INT TERM; \
	  MIVZAK_EMBED_DIST=target/embed-dev trunk serve --offline --dist target/dist-dev

## Every test: native, lint, then end to end against the release dist/: the full
## suite in Chromium, then the cross-engine scenarios in Firefox and WebKit.
## The renderer is built in the dev profile here: `cargo test` compiles its
## dependencies anyway, where the render profile compiles every native dependency a
## second time (about 4 of a clean run's minutes on 2 cores).
test: tools
	$(MAKE) --no-print-directory build native-test lint e2e e2e-engines RENDER_PROFILE=dev

tools: rust-tools wasm-opt browser e2e-deps isso

isso: $(ISSO)
$(ISSO):
	python3 -m venv $(TOOLS)/isso
	$(TOOLS)/isso/bin/pip install --quiet --disable-pip-version-check isso==$(ISSO_VERSION)

rust-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)' || cargo install trunk --version $(TRUNK_VERSION) --locked
	@test -f Cargo.lock || cargo generate-lockfile
	@v='$(WASM_BINDGEN_VERSION)'; \
	  wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $$v" || cargo install wasm-bindgen-cli --version "$$v" --force
	@test -x $(TOOLS)/wasm-split/bin/wasm-split-cli || cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --root $(TOOLS)/wasm-split

wasm-opt:
	@test -x $(BINARYEN)/wasm-opt && wasm-opt --version | grep -q 'version $(firstword $(subst ., ,$(BINARYEN_VERSION)))' \
	  || npm install --no-audit --no-fund --loglevel=error --prefix $(TOOLS)/binaryen binaryen@$(BINARYEN_VERSION)

## Debian's browsers only: Chromium, Firefox ESR, and WebKitGTK's WebKitWebDriver
## (with its MiniBrowser) in a private Xvfb display.
browser:
	@test -x /usr/bin/chromium || { apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; }
	@missing=; \
	  test -x /usr/bin/firefox-esr || missing="$$missing firefox-esr"; \
	  test -x /usr/bin/WebKitWebDriver || missing="$$missing webkit2gtk-driver"; \
	  test -x /usr/bin/Xvfb || missing="$$missing xvfb"; \
	  test -z "$$missing" || { apt-get update && apt-get install -y --no-install-recommends $$missing; }

e2e-deps: $(E2E)/node_modules/.installed
$(E2E)/node_modules/.installed: $(E2E)/package-lock.json
	cd $(E2E) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## The release build that a CDN serves: dist/, and the same under a sub-path for its test
## (scripts/subpath.mjs: what `--public-url /news/` would build, without building again).
## The embedded ticker is a page of its own (embed.html, its own lean wasm), built
## first and copied in by scripts/post-build.sh.
build: rust-tools wasm-opt
	trunk build --release --offline --dist target/embed-release embed.html
	MIVZAK_EMBED_DIST=target/embed-release trunk build --release --offline
	node scripts/subpath.mjs dist target/dist-news /news/
	node scripts/service-worker.mjs dist
	node scripts/security-headers.mjs dist
	node scripts/service-worker.mjs target/dist-news > /dev/null
	node scripts/security-headers.mjs target/dist-news > /dev/null
	$(MAKE) --no-print-directory render-sample

## Publish-time HTML (mivzak-render, src/render/main.rs): every page of a built
## site as static HTML. `make render DIST=dir [FEED=path-or-url]` renders any
## built site; dist/ itself stays the app as built (each build empties it), so
## publishers render a copy of their own (`make publish`, below). render-sample
## renders the sample feed into a copy.
## RENDER_PROFILE: `render` (optimised: publishing, `make bench`) or `dev` (`make test`).
## The end-to-end specs find the binary through MIVZAK_RENDER.
RENDER_PROFILE ?= render
RENDER := target/$(if $(filter dev,$(RENDER_PROFILE)),debug,$(RENDER_PROFILE))/mivzak-render
export MIVZAK_RENDER := $(CURDIR)/$(RENDER)
render-tool:
	cargo build --quiet --profile $(RENDER_PROFILE) --bin mivzak-render

render: render-tool
	@test -n "$(DIST)" || { echo "usage: make render DIST=dir [FEED=path-or-url]"; exit 2; }
	$(RENDER) --dist "$(DIST)" $(if $(FEED),--feed "$(FEED)")

## Publishing (README, "Deployment"): `make publish SITE=dir CONFIG=your-config.json
## [FEED=path-or-url] [BUILD=dist]` copies the build over SITE, a folder of your own
## that keeps what earlier runs published (the next `make build` empties dist/), but
## not the build's sample config.json and feed.json; puts CONFIG in as SITE's
## config.json; writes SITE's _headers from it (connect-src names its feed and
## comments origins); and renders every page with FEED, else the feed CONFIG names.
BUILD ?= dist
publish: render-tool
	@test -n "$(SITE)" -a -n "$(CONFIG)" || { echo "usage: make publish SITE=dir CONFIG=config.json [FEED=path-or-url] [BUILD=dist]"; exit 2; }
	@test -f "$(BUILD)/index.html" || { echo "$(BUILD)/index.html: run make build first"; exit 2; }
	mkdir -p "$(SITE)"
	find "$(BUILD)" -mindepth 1 -maxdepth 1 ! -name config.json ! -name feed.json -exec cp -R {} "$(SITE)/" \;
	cp "$(CONFIG)" "$(SITE)/config.json"
	node scripts/security-headers.mjs "$(SITE)"
	$(RENDER) --dist "$(SITE)" $(if $(FEED),--feed "$(FEED)")

render-sample: render-tool
	rm -rf target/dist-published
	cp -r dist target/dist-published
	$(RENDER) --dist target/dist-published > /dev/null

native-test:
	cargo test --quiet
	node --test bench/lib/ scripts/
	CARGO_TARGET_DIR=$(CURDIR)/target/vendor cargo test --quiet --manifest-path vendor/tachys/Cargo.toml --lib mivzak_tests

## Rust: rustfmt and clippy. JS (public/, scripts/, bench/, tests/e2e/): Biome, pinned
## in tests/e2e/package.json, fails on any format difference or lint warning (biome.jsonc).
lint: e2e-deps
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --features split -- -D warnings
	$(E2E)/node_modules/.bin/biome ci --error-on-warnings .

e2e: e2e-deps browser isso
	cd $(E2E) && ISSO_BIN=$(ISSO) npx playwright test

## The cross-engine scenarios in Firefox ESR and WebKitGTK (tests/e2e/engines/;
## ENGINES=chromium,firefox,webkit adds Chromium).
e2e-engines: e2e-deps browser isso
	cd $(E2E) && ISSO_BIN=$(ISSO) node engines/run.js

## Every page and the reader's controls as PNGs in target/screenshots/, at 360 px
## (a phone) and 1280 px, light and dark, to look at (tests/e2e/specs/screenshots.spec.js).
screenshots: e2e-deps browser isso
	cd $(E2E) && ISSO_BIN=$(ISSO) SCREENSHOTS=$(CURDIR)/target/screenshots npx playwright test specs/screenshots.spec.js

## The figures of the performance issue, median of five runs (not a test: nothing here fails on a number).
bench: build browser $(CURDIR)/bench/node_modules/.installed
	node bench/run.mjs
$(CURDIR)/bench/node_modules/.installed: $(CURDIR)/bench/package-lock.json
	cd bench && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf dist target/dist-news target/dist-dev target/embed-* target/wasm32-unknown-unknown
