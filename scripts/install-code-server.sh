#!/usr/bin/env bash
# Installs code-server (VS Code's server + web client, from the npm registry) into a cache dir
# outside the repo, so the extension-host tests can run offline.
#
#   scripts/install-code-server.sh [VERSION] [DEST] [NODE_VERSION]
#
#   VERSION       code-server version (default 4.100.3 = VS Code 1.100.3, runs on Node 20)
#   DEST          install dir (default ${E2E_CACHE:-$HOME/.cache/vscode-e2e}/code-server-VERSION)
#   NODE_VERSION  only for code-server releases whose engines.node is not the running Node's
#                 major: that Node comes from the registry package node-linux-<arch>@NODE_VERSION
#
# Prints the code-server package dir (the one holding out/node/entry.js) as the last stdout line.
# Idempotent: a finished install leaves DEST/.installed and later calls return at once.
# Only the npm registry is contacted; every step that would fetch from elsewhere is disabled.
set -euo pipefail

VERSION="${1:-4.100.3}"
NODE_VERSION="${3:-}"
CACHE_ROOT="${E2E_CACHE:-$HOME/.cache/vscode-e2e}"
DEFAULT_DEST="$CACHE_ROOT/code-server-$VERSION${NODE_VERSION:+-node$NODE_VERSION}"
DEST="${2:-$DEFAULT_DEST}"
PKG_DIR="$DEST/node_modules/code-server"
# The marker records what was installed; a different key means the dir is not reusable.
KEY="code-server=$VERSION node=${NODE_VERSION:-abi$(node -p process.versions.modules)}"
KEY="$KEY arch=$(uname -m)"

log() { printf '[install-code-server] %s\n' "$*" >&2; }
die() { printf '[install-code-server] ERROR: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || die "node is not on PATH"
command -v npm >/dev/null || die "npm is not on PATH"

mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"
PKG_DIR="$DEST/node_modules/code-server"

# Two CI jobs sharing one cache must not install into the same dir at the same time.
exec 9>"$DEST.lock"
if command -v flock >/dev/null; then flock 9; fi

if [[ -f "$DEST/.installed" && "$(cat "$DEST/.installed")" == "$KEY" \
      && -f "$PKG_DIR/out/node/entry.js" ]]; then
  log "cached: $PKG_DIR ($KEY)"
  echo "$PKG_DIR"
  exit 0
fi

# A half-finished or different install is thrown away, but only in a dir this script made
# (marked by .vscode-e2e-cache) or an empty one: DEST may be a path a person typed.
if [[ -n "$(ls -A "$DEST")" ]]; then
  [[ -f "$DEST/.vscode-e2e-cache" ]] \
    || die "$DEST is not empty and was not created by this script; refusing to clean it"
  log "removing incomplete or outdated install in $DEST"
  find "$DEST" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
fi
touch "$DEST/.vscode-e2e-cache"
mkdir -p "$DEST/tmp"
# Everything npm and the postinstall scripts put in $TMPDIR (including the ripgrep seed below)
# stays inside DEST. Short path: some tools build unix socket paths from it.
export TMPDIR="$DEST/tmp"
start=$(date +%s)

case "$(uname -m)" in
  x86_64) NODE_ARCH=x64; RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) NODE_ARCH=arm64; RG_TARGET=aarch64-unknown-linux-musl ;;
  *) die "unsupported architecture $(uname -m)" ;;
esac

# (1) Optional private Node. The registry package node-linux-<arch> carries the binary and the
# C headers in its tarball; node-gyp must use those headers because it cannot download any.
if [[ -n "$NODE_VERSION" ]]; then
  log "installing node-linux-$NODE_ARCH@$NODE_VERSION"
  mkdir -p "$DEST/node"
  echo '{ "private": true }' > "$DEST/node/package.json"
  (cd "$DEST/node" && npm install --no-audit --no-fund --loglevel=error \
    "node-linux-$NODE_ARCH@$NODE_VERSION" >&2)
  NODE_HOME="$DEST/node/node_modules/node-linux-$NODE_ARCH"
  [[ -x "$NODE_HOME/bin/node" ]] || die "no bin/node in $NODE_HOME"
  export PATH="$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"
fi

# (2) Read the tarball's metadata before installing: the required Node major and the
# @vscode/ripgrep version whose postinstall would download rg from GitHub.
log "fetching code-server@$VERSION metadata from the npm registry"
mkdir -p "$DEST/tmp/pack"
tarball="$(cd "$DEST/tmp/pack" && npm pack --silent "code-server@$VERSION" | tail -n 1)"
tar -xzf "$DEST/tmp/pack/$tarball" -C "$DEST/tmp/pack" \
  package/package.json package/lib/vscode/npm-shrinkwrap.json
want_major="$(node -p "require('$DEST/tmp/pack/package/package.json').engines.node")"
have_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$want_major" != "$have_major" ]]; then
  die "code-server $VERSION needs Node $want_major but node is $(node -v);" \
    "pass a node-linux-$NODE_ARCH version as the third argument (e.g. $want_major.x.y)"
fi
rg_pkg_version="$(node -p "(require('$DEST/tmp/pack/package/lib/vscode/npm-shrinkwrap.json')
  .packages['node_modules/@vscode/ripgrep'] || {}).version || ''")"

# (3) Seed @vscode/ripgrep's download cache with Debian's rg so its postinstall finds a
# "cached download" instead of asking api.github.com. Newer code-server releases use
# @vscode/ripgrep-universal (binaries inside the registry tarball) and need no seed.
if [[ -n "$rg_pkg_version" ]]; then
  RG_BIN="$(command -v rg || true)"
  [[ -n "$RG_BIN" ]] || die "ripgrep (rg) is missing: apt-get install ripgrep"
  rg_tgz="$(cd "$DEST/tmp/pack" && npm pack --silent "@vscode/ripgrep@$rg_pkg_version" \
    | tail -n 1)"
  tar -xzf "$DEST/tmp/pack/$rg_tgz" -C "$DEST/tmp/pack" package/lib/postinstall.js
  rg_tag="$(sed -n "s/^const VERSION = '\\(.*\\)';.*/\\1/p" \
    "$DEST/tmp/pack/package/lib/postinstall.js")"
  [[ -n "$rg_tag" ]] || die "could not read the ripgrep tag of @vscode/ripgrep@$rg_pkg_version"
  seed_dir="$TMPDIR/vscode-ripgrep-cache-$rg_pkg_version"
  mkdir -p "$seed_dir" "$DEST/tmp/rg"
  cp "$RG_BIN" "$DEST/tmp/rg/rg"
  tar -czf "$seed_dir/ripgrep-$rg_tag-$RG_TARGET.tar.gz" -C "$DEST/tmp/rg" rg
  log "seeded @vscode/ripgrep $rg_pkg_version ($rg_tag) with $RG_BIN"
fi

# (4) The install itself. The allowScripts list is for npm versions that review install scripts.
#   npm_config_yes           node-pty's postinstall runs `npx node-gyp`, which would prompt
#   build_from_source        kerberos/argon2 would first try prebuilt binaries from GitHub
#   unsafe_perm              code-server's postinstall refuses to run as root without it
cat > "$DEST/package.json" <<'JSON'
{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }
JSON
log "npm install code-server@$VERSION (log: $DEST/install.log)"
if ! (cd "$DEST" && npm_config_yes=true npm_config_build_from_source=true \
      npm_config_unsafe_perm=true npm install --no-audit --no-fund \
      "code-server@$VERSION" >"$DEST/install.log" 2>&1); then
  tail -n 40 "$DEST/install.log" >&2
  grep -q 'gssapi' "$DEST/install.log" && log "hint: apt-get install libkrb5-dev"
  die "npm install code-server@$VERSION failed (full log: $DEST/install.log)"
fi

[[ -f "$PKG_DIR/out/node/entry.js" ]] || die "no out/node/entry.js in $PKG_DIR"
# Even --version writes a config file and a log dir under XDG dirs; keep them in DEST/tmp.
cs_version="$(XDG_CONFIG_HOME="$TMPDIR" XDG_DATA_HOME="$TMPDIR" XDG_CACHE_HOME="$TMPDIR" \
  node "$PKG_DIR/out/node/entry.js" --version 2>/dev/null | grep -v ' info ' | tail -n 1)"
log "installed: $cs_version"
rm -rf "$DEST/tmp"
mkdir -p "$DEST/tmp"
echo "$KEY" > "$DEST/.installed"
log "done in $(( $(date +%s) - start )) s"
echo "$PKG_DIR"
