#!/usr/bin/env bash
# The test command: bootstrap the toolchain, then `npm test` (compile + vitest run). Extra arguments go to vitest,
# with or without a leading `--`:  scripts/test.sh test/unit/dockerfile.test.ts   scripts/test.sh -- --reporter=json
set -euo pipefail
# shellcheck source=bootstrap.sh
. "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$BATCH_JOB_REPO_ROOT"
if [ "${1:-}" = "--" ]; then shift; fi
exec npm test --silent -- "$@"
