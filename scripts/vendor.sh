#!/usr/bin/env bash
# Copies the front-end files we ship from npm into crates/web/assets/vendor/ (committed).
# Run after changing vendor/package.json; CI checks nothing here, the files are in git.
set -euo pipefail
cd "$(dirname "$0")/../vendor"
npm ci --no-audit --no-fund --ignore-scripts
out=../crates/web/assets/vendor
rm -rf "$out"
mkdir -p "$out/htmx" "$out/swagger-ui"
cp node_modules/htmx.org/dist/htmx.min.js "$out/htmx/"
cp node_modules/htmx.org/LICENSE "$out/htmx/LICENSE"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css "$out/swagger-ui/"
# The bundle ends with a source map comment; the map itself is not shipped.
sed -i '/^\/\/# sourceMappingURL=/d' "$out/swagger-ui/swagger-ui-bundle.js"
sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##' "$out/swagger-ui/swagger-ui.css"
cp node_modules/swagger-ui-dist/LICENSE "$out/swagger-ui/LICENSE"
echo "vendored: $(cd "$out" && find . -type f | sort | tr '\n' ' ')"
