#!/usr/bin/env bash
# Generates a complete example repository into a temp folder and prints where (create-batch-job --demo).
# Extra arguments go to the CLI.
set -euo pipefail
# shellcheck source=bootstrap.sh
. "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$BATCH_JOB_REPO_ROOT"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! npm run --silent compile >"$log" 2>&1; then
  echo "demo: compile failed:" >&2
  cat "$log" >&2
  exit 1
fi
node lib/cli/create.js --demo "$@"
