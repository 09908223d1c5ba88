#!/usr/bin/env bash
# pynfs.sh - run pynfs's NFSv4.1 server conformance suite against a server, through the team's runner
# (shared/tools/pynfs/run-pynfs.sh; see its README for the groups that matter to a pNFS MDS and Ganesha's baseline).
#
#   PYNFS_DIR=/path/to/pynfs scripts/pynfs.sh HOST:PORT/PATH [TEST-OR-FLAG ...] [-- testserver.py options]
#   scripts/pynfs.sh --ganesha [TEST-OR-FLAG ...]     start a reference Ganesha (scripts/ganesha.sh) on a free port,
#                                                     run against it, stop it
#
# e.g.  PYNFS_DIR=$HOME/pynfs scripts/pynfs.sh 127.0.0.1:20490/ all flex pnfs
# Prints the runner's one-line summary "pynfs41: N passed, N failed, N warned, N omitted"; exit status is the
# runner's (0 no failures, 1 failures, 2 timeout, 3 no results). Options before HOST go to run-pynfs.sh
# (--timeout SECS, --outdir DIR, --show-fail, -v, --no-maketree).
#
# pynfs is NOT part of this repository and is never committed here. It cannot be downloaded by this script on our
# machines (no git hosting is reachable); keep a checkout outside the repository and point PYNFS_DIR at it. The run
# needs python3-ply (installed here on demand) for pynfs's one-time XDR code generation.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runner=${PYNFS_RUNNER:-$root/../shared/tools/pynfs/run-pynfs.sh}

explain_missing() {
  cat >&2 <<'MSG'
pynfs.sh: PYNFS_DIR is not set or is not a pynfs checkout (it must contain nfs4.1/testserver.py).
  How to get pynfs (it is not vendored here and must never be committed to this repository):
  - upstream: git://git.linux-nfs.org/projects/cdmackay/pynfs.git (any recent master);
    the team's baseline used the GitHub mirror kofemann/pynfs @ 3c14d9e3ad12272ab2f6092c85bb28ab03951484.
  - on a machine without access to git hosting, ask whoever can fetch repositories (the lead) for a snapshot and
    unpack it outside this checkout, e.g. under $HOME/pynfs.
  Then: PYNFS_DIR=$HOME/pynfs scripts/pynfs.sh 127.0.0.1:PORT/PATH all
MSG
  exit 3
}

[ -x "$runner" ] || [ -r "$runner" ] || { echo "pynfs.sh: runner $runner missing (shared/tools/pynfs)" >&2; exit 3; }
[ -n "${PYNFS_DIR:-}" ] && [ -f "$PYNFS_DIR/nfs4.1/testserver.py" ] || explain_missing
case "$(cd "$PYNFS_DIR" && pwd)/" in "$root"/*) echo "pynfs.sh: PYNFS_DIR must be outside this repository" >&2; exit 3;; esac

if ! /usr/bin/python3 -c 'import ply' 2>/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "pynfs.sh: python3-ply missing: apt-get install -y python3-ply" >&2; exit 3; }
  echo "pynfs.sh: installing python3-ply ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-ply < /dev/null > /dev/null \
    2> >(grep -v '^debconf: delaying package configuration' >&2)
fi

opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --timeout|--outdir) opts+=("$1" "$2"); shift 2;;
    --show-fail|-v|--no-maketree) opts+=("$1"); shift;;
    *) break;;
  esac
done

if [ "${1:-}" = --ganesha ]; then
  shift
  gdir=$(mktemp -d "${TMPDIR:-/tmp}/pynfs-ganesha.XXXXXX")
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  trap '"$root/scripts/ganesha.sh" stop "$gdir" >/dev/null 2>&1 || true' EXIT
  "$root/scripts/ganesha.sh" start "$gdir" "$port" /export > /dev/null
  rc=0
  PYNFS_DIR=$PYNFS_DIR bash "$runner" "${opts[@]+"${opts[@]}"}" "127.0.0.1:$port/export" "$@" || rc=$?
  exit $rc
fi
[ $# -ge 1 ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
exec env PYNFS_DIR="$PYNFS_DIR" bash "$runner" "${opts[@]+"${opts[@]}"}" "$@"
