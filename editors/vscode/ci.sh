#!/bin/sh
# Builds, tests and packages the VS Code extension in editors/vscode.
# Needs Node 20 or later with npm, and the npm registry (no other network).
# Leaves editors/vscode/briefc-VERSION.vsix behind; exits non-zero on any failure.
#
# With BRIEFC_BIN set to a built briefc (e.g. BRIEFC_BIN=target/debug/briefc), the
# activation tests also run the extension against that real `briefc lsp`.
set -eu
if [ -n "${BRIEFC_BIN:-}" ]; then
  BRIEFC_BIN=$(cd "$(dirname "$BRIEFC_BIN")" && pwd)/$(basename "$BRIEFC_BIN")
  export BRIEFC_BIN
fi
cd "$(dirname "$0")"

node -e 'if (+process.versions.node.split(".")[0] < 20) { console.error(`ci.sh: Node ${process.version} is too old: Node 20 or later is needed`); process.exit(1) }'

rm -f ./*.vsix
# .npmrc turns install scripts off: nothing here needs them.
npm ci --no-audit --no-fund
npm run compile
npm test
# vsce runs `vscode:prepublish` (compile and bundle into dist/) and packages
# without prompts (see the `package` script's flags).
npm run package
# The same activation tests, against the bundle that went into the .vsix.
npm run test:bundle

vsix=$(ls ./*.vsix)
echo "ci.sh: built editors/vscode/${vsix#./} ($(wc -c < "$vsix") bytes)"
