#!/usr/bin/env bash
# `npm test`: everything, in order of speed. Unit and conformance tests first (seconds), then
# the CLI bundle, then the integration suite in a real VS Code (code-server + Chromium) and the
# UI check. Set E2E_SKIP=1 to stop after the unit tests.
set -euo pipefail
cd "$(dirname "$0")/.."

echo '== compile'
npx tsc -p .
node scripts/build.mjs

echo '== unit, conformance and CLI tests'
node scripts/run-unit-tests.mjs

if [ "${E2E_SKIP:-0}" = "1" ]; then
  echo '== integration tests skipped (E2E_SKIP=1)'
  exit 0
fi
echo '== integration tests in VS Code'
bash scripts/ci-e2e.sh
