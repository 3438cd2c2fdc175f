#!/usr/bin/env bash
# Re-vendor Vega, Vega-Lite and vega-embed (the charts on our pages and in the query UI) from the
# npm registry into endpoint/static/vega/.
#
# Usage: scripts/vendor_vega.sh        (the versions pinned below)
#
# Fetches each package with `npm pack` into a temporary folder and copies its browser (UMD) build
# and its LICENSE (all three are BSD-3-Clause). No CDN: the server serves these files itself.
set -euo pipefail
VEGA=6.2.0
VEGA_LITE=6.4.1
VEGA_EMBED=7.1.0
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/endpoint/static/vega"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DEST"
: > "$DEST/LICENSE"
for spec in "vega@$VEGA:vega.min.js" "vega-lite@$VEGA_LITE:vega-lite.min.js" \
            "vega-embed@$VEGA_EMBED:vega-embed.min.js"; do
    pkg="${spec%%:*}"; file="${spec#*:}"; name="${pkg%@*}"; version="${pkg#*@}"
    (cd "$WORK" && npm pack --silent "$pkg" >/dev/null)
    mkdir -p "$WORK/$name"
    tar -xzf "$WORK/$name-$version.tgz" -C "$WORK/$name"
    license="$(node -p "require('$WORK/$name/package/package.json').license")"
    if [ "$license" != "BSD-3-Clause" ]; then
        echo "vendor_vega: expected $name to be BSD-3-Clause, got $license" >&2
        exit 1
    fi
    sed '/^\/\/# sourceMappingURL=/d' "$WORK/$name/package/build/$file" > "$DEST/$file"
    { echo "== $name $version (https://www.npmjs.com/package/$name) =="; \
      cat "$WORK/$name/package/LICENSE"; echo; } >> "$DEST/LICENSE"
done
printf 'vega %s\nvega-lite %s\nvega-embed %s\n' "$VEGA" "$VEGA_LITE" "$VEGA_EMBED" > "$DEST/VERSION"
echo "vendored into $DEST:"; ls -la "$DEST"
