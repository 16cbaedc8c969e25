#!/bin/sh
# Trunk's post_build hook, run in its staging directory for each page it builds.
# The embedded ticker's page (built from embed.html, which trunk writes as
# index.html) is renamed embed.html. The app gets public/ (config.json, the sample
# feed, static-host fallbacks) with the shared constants, a 404.html copy of
# itself for GitHub Pages, and the
# embed's files from $MIVZAK_EMBED_DIST, where `make` built them first. The development build
# (`make serve`) also turns comments on, pointing at the Isso that trunk proxies;
# a release build ships with comments off until a deployment names its own server.
set -eu
cd "$TRUNK_STAGING_DIR"
case "$TRUNK_HTML_FILE" in
  # The embed's RSS and Atom reader into a chunk of its own, as the app's.
  */embed.html) node "$TRUNK_SOURCE_DIR/scripts/wasm-split.mjs" .; mv index.html embed.html; exit 0 ;;
esac
cp -R "$TRUNK_SOURCE_DIR/public/." .
# shared/constants.json as scripts/shared-constants.mjs wrote it before the build:
# for sw.js, which imports it, and inside embed.js, which runs on other sites'
# pages, so it is wrapped there to leave no global of its own. embed.js is written
# as ASCII (scripts/ascii-js.mjs): a host page in another encoding reads it right.
cp "$TRUNK_SOURCE_DIR/target/shared/constants.js" shared-constants.js
{ printf '(function () {\n'; cat shared-constants.js "$TRUNK_SOURCE_DIR/public/embed.js"; printf '})();\n'; } \
  | node "$TRUNK_SOURCE_DIR/scripts/ascii-js.mjs" > embed.js
# The article's code (and every other #[lazy] function) into chunks of its own.
node "$TRUNK_SOURCE_DIR/scripts/wasm-split.mjs" .
# The inlined CSS without its comments (see the script), in every copy of the page.
node "$TRUNK_SOURCE_DIR/scripts/css-comments.mjs" index.html
cp index.html 404.html
# Relative to the project, like every path given to trunk.
if [ -n "${MIVZAK_EMBED_DIST:-}" ]; then
  case "$MIVZAK_EMBED_DIST" in /*) ;; *) MIVZAK_EMBED_DIST="$TRUNK_SOURCE_DIR/$MIVZAK_EMBED_DIST" ;; esac
  cp -R "$MIVZAK_EMBED_DIST/." .
fi
if [ "$TRUNK_PROFILE" = debug ]; then
  sed -i 's|^  "feed_url": "feed.json",$|  "feed_url": "feed.json",\n  "comments_url": "isso/",|' config.json
fi
