#!/usr/bin/env bash
# Installs what the e2e tests need (code-server, Chromium) into a cache folder
# outside the project. Idempotent: does nothing when already installed.
#
#   bash e2e/install-code-server.sh      # prints the path of the code-server binary on its last line
#
# Env: AK_E2E_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/algoritmekader-e2e)
#      AK_E2E_SKIP_APT=1 to skip apt-get (when the packages are known to be there)
set -euo pipefail

CS_VERSION=4.100.3
RG_NPM_VERSION=1.15.11            # @vscode/ripgrep version code-server 4.100.3 pulls in
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CACHE_ROOT="${AK_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/algoritmekader-e2e}"
PREFIX="$CACHE_ROOT/code-server-$CS_VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"
STAMP="$PREFIX/.install-ok"

log() { echo "[install-code-server] $*" >&2; }

# --- Debian packages (only those missing) -----------------------------------
APT_PKGS=(build-essential python3 pkg-config libkrb5-dev ripgrep chromium fonts-dejavu-core)
if [ "${AK_E2E_SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${APT_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
  fi
fi

if [ -f "$STAMP" ] && [ -x "$BIN" ]; then
  log "already installed ($(cat "$STAMP"))"
  echo "$BIN"
  exit 0
fi

command -v rg >/dev/null || { log "rg (Debian ripgrep) not found"; exit 1; }

# --- npm install into the cache prefix ---------------------------------------
t0=$(date +%s)
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
WORK_TMP="$(mktemp -d "${TMPDIR:-/tmp}/ak-cs-install.XXXXXX")"
trap 'rm -rf "$WORK_TMP"' EXIT

# @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here);
# it first looks in $TMPDIR/vscode-ripgrep-cache-<version>/<asset>: pre-fill it with Debian's rg.
RG_CACHE="$WORK_TMP/vscode-ripgrep-cache-$RG_NPM_VERSION"
mkdir -p "$RG_CACHE/stage"
cp "$(command -v rg)" "$RG_CACHE/stage/rg"
tar -C "$RG_CACHE/stage" -czf "$RG_CACHE/$RG_ASSET" rg

# A private package.json so this is a project install in the cache folder,
# with an explicit allowScripts policy for the packages whose scripts must run.
cat > "$PREFIX/package.json" <<JSON
{
  "name": "algoritmekader-e2e-code-server",
  "private": true,
  "dependencies": { "code-server": "$CS_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON

log "npm install code-server@$CS_VERSION into $PREFIX (takes ~1-2 min)"
(
  cd "$PREFIX"
  # --unsafe-perm: code-server's postinstall refuses root otherwise.
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp` (would prompt / fail with yes=false).
  # dangerously-allow-all-scripts: the nested `npm install`s that code-server's postinstall
  #   runs inside lib/vscode have no allowScripts of their own.
  TMPDIR="$WORK_TMP" npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
  npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    npm install --unsafe-perm --no-save --foreground-scripts --loglevel=warn >"$PREFIX/install.log" 2>&1
) || { log "npm install failed, see $PREFIX/install.log"; tail -40 "$PREFIX/install.log" >&2; exit 1; }

# --- verify the postinstall scripts really ran --------------------------------
CS_DIR="$PREFIX/node_modules/code-server"
fail=0
[ -d "$CS_DIR/lib/vscode/node_modules" ] || { log "code-server postinstall did not run (lib/vscode/node_modules missing)"; fail=1; }
find "$CS_DIR/lib/vscode/node_modules" -name pty.node -path '*node-pty*' 2>/dev/null | grep -q . \
  || { log "node-pty native module not built"; fail=1; }
find "$CS_DIR/lib/vscode/node_modules/@vscode/ripgrep/bin" -name rg 2>/dev/null | grep -q . \
  || { log "@vscode/ripgrep has no bin/rg"; fail=1; }
[ $fail = 0 ] || { log "see $PREFIX/install.log"; exit 1; }
"$BIN" --version >/dev/null

echo "code-server $CS_VERSION installed $(date -u +%FT%TZ) in $(( $(date +%s) - t0 ))s" > "$STAMP"
log "$(cat "$STAMP"); $(du -sh "$PREFIX" | cut -f1) on disk"
echo "$BIN"
