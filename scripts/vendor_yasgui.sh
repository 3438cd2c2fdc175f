#!/usr/bin/env bash
# Re-vendor the YASGUI query UI from the npm registry into endpoint/static/yasgui/.
#
# Usage: scripts/vendor_yasgui.sh [VERSION]      (default: the version pinned below)
#
# Fetches @zazuko/yasgui with `npm pack` into a temporary folder, copies the browser build
# (build/yasgui.min.js, build/yasgui.min.css) and writes LICENSE (the package ships none; its
# package.json declares MIT) and VERSION beside them. The `sourceMappingURL` comment is dropped
# because the source map is not vendored. We serve these files ourselves; no CDN is involved.
set -euo pipefail

VERSION="${1:-4.6.2}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/endpoint/static/yasgui"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "@zazuko/yasgui@$VERSION" >/dev/null)
tar -xzf "$WORK"/zazuko-yasgui-"$VERSION".tgz -C "$WORK"
PKG="$WORK/package"

mkdir -p "$DEST"
sed '/^\/\/# sourceMappingURL=/d' "$PKG/build/yasgui.min.js" > "$DEST/yasgui.min.js"
sed 's#/\*\# sourceMappingURL=[^*]*\*/##' "$PKG/build/yasgui.min.css" > "$DEST/yasgui.min.css"

LICENSE_NAME="$(node -e 'console.log(require(process.argv[1]).license)' "$PKG/package.json")"
AUTHOR="$(node -e 'const p=require(process.argv[1]);console.log([p.author,...(p.contributors||[]).map(c=>c.name||c)].join(", "))' "$PKG/package.json")"
if [ "$LICENSE_NAME" != "MIT" ]; then
  echo "vendor_yasgui: expected an MIT package, got $LICENSE_NAME" >&2
  exit 1
fi
cat > "$DEST/LICENSE" <<LICENSE
@zazuko/yasgui $VERSION (https://github.com/rdfjs/Yasgui), vendored from the npm registry.
Its package.json declares the MIT license; the package ships no license file, so the MIT text
is reproduced here.

The MIT License (MIT)

Copyright (c) $AUTHOR

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
LICENSE
echo "$VERSION" > "$DEST/VERSION"
echo "vendored @zazuko/yasgui $VERSION into ${DEST#"$ROOT"/}"
