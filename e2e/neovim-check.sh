#!/usr/bin/env bash
# Checks the language server from Debian's Neovim (0.7.2): start `node dist/server.js --stdio`
# headless, attach a corpus file, wait for published diagnostics and request a hover.
#
#   bash e2e/neovim-check.sh                 # defaults below, against the project's dist/server.js
#   AK_NV_CMD='["vscode-css-language-server","--stdio"]' AK_NV_ROOT=/tmp/x AK_NV_FILE=/tmp/x/a.css \
#     AK_NV_FILETYPE=css AK_NV_DIAG_SOURCE=css AK_NV_HOVER_TEXT=color bash e2e/neovim-check.sh
#
# Every AK_NV_* variable of e2e/neovim-check.lua can be set to override a default.
# Prints one line per step and "N passed, N failed"; exit code non-zero on failure.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
CORPUS="$(realpath -m "${AK_CORPUS:-$ROOT/../shared/corpora/algoritmekader}")"
DOCS="$CORPUS/docs/voldoen-aan-wetten-en-regels"

if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "[neovim-check] installing Debian's neovim" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim) >&2
  else
    echo "FAIL setup: nvim not found (apt-get install neovim)"; echo "0 passed, 1 failed"; exit 1
  fi
fi

if [ -z "${AK_NV_CMD:-}" ]; then
  if [ ! -f "$ROOT/dist/server.js" ]; then
    echo "FAIL setup: $ROOT/dist/server.js not found (npm run build first)"; echo "0 passed, 1 failed"; exit 1
  fi
  AK_NV_CMD="[\"node\",\"$ROOT/dist/server.js\",\"--stdio\"]"
fi
if [ -z "${AK_NV_FILE:-}" ]; then
  if [ ! -d "$DOCS" ]; then
    echo "NOTE: corpus not found at $CORPUS: neovim check skipped"; echo "0 passed, 0 failed"; exit 0
  fi
  # the maatregel with the dangling reference; hover on one of its (existing) vereiste items
  export AK_NV_ROOT="${AK_NV_ROOT:-$CORPUS}"
  export AK_NV_FILE="$DOCS/maatregelen/2-owp-30-informeer-betrokkenen.md"
  export AK_NV_DIAG_SOURCE="${AK_NV_DIAG_SOURCE-akcheck}"
  export AK_NV_DIAG_CODE="${AK_NV_DIAG_CODE-AK040}"
  export AK_NV_DIAG_TEXT="${AK_NV_DIAG_TEXT-aia-08-transparantie-aan-gebruikersverantwoordelijken}"
  export AK_NV_HOVER_TEXT="${AK_NV_HOVER_TEXT-awb-01-zorgvuldigheidsbeginsel}"
  if [ -z "${AK_NV_HOVER_EXPECT+x}" ]; then
    # three words of that vereiste's title, e.g. "Organisaties|algoritmes|publieke"
    title="$(sed -n 's/^title: //p' "$DOCS/vereisten/$AK_NV_HOVER_TEXT.md" | head -1)"
    AK_NV_HOVER_EXPECT="$(printf '%s\n' $title | awk 'length($0) > 5' | head -3 | paste -sd'|')"
  fi
  export AK_NV_HOVER_EXPECT
  echo "[neovim-check] expecting $AK_NV_DIAG_SOURCE $AK_NV_DIAG_CODE about $AK_NV_DIAG_TEXT; hover on $AK_NV_HOVER_TEXT with: $AK_NV_HOVER_EXPECT" >&2
fi
export AK_NV_CMD AK_NV_ROOT="${AK_NV_ROOT:-$(dirname "$AK_NV_FILE")}" AK_NV_FILE

# a private HOME so no user config, shada, swap or log lands elsewhere
NV_TMP="$(mktemp -d "${TMPDIR:-/tmp}/ak-nvim.XXXXXX")"
trap 'rm -rf "$NV_TMP"' EXIT
export HOME="$NV_TMP" XDG_CONFIG_HOME="$NV_TMP/config" XDG_DATA_HOME="$NV_TMP/data" \
  XDG_STATE_HOME="$NV_TMP/state" XDG_CACHE_HOME="$NV_TMP/cache"
echo "[neovim-check] $(nvim --version | head -1); server: $AK_NV_CMD; file: $AK_NV_FILE" >&2
set +e
timeout -k 5 120 nvim --headless -u NONE -i NONE -n -c "luafile $HERE/neovim-check.lua"
rc=$?
set -e
if [ $rc = 124 ] || [ $rc = 137 ]; then echo "FAIL neovim: timed out"; echo "0 passed, 1 failed"; fi
if [ $rc != 0 ] && [ -f "$XDG_CACHE_HOME/nvim/lsp.log" ]; then
  echo "[neovim-check] tail of lsp.log:" >&2; tail -20 "$XDG_CACHE_HOME/nvim/lsp.log" >&2
fi
exit $rc
