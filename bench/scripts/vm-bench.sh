#!/usr/bin/env bash
# vm-bench.sh - whole-system NFSv4.1 bench through the real Linux kernel client (a User-Mode Linux guest from
# it/scripts/run-uml.sh; qemu with --qemu). The workload (vm-workload.sh), in the guest, against SERVER:PORT's EXPORT:
#   in a fresh mount, sequential write of 1 GiB (dd bs=1M conv=fsync), drop caches + fresh mount, sequential read
#   of it, 10,000 file creates (echo > f$i), drop caches + fresh mount, `ls -l` of the 10,000 files, rm -r.
# Prints one machine-readable line per metric on stdout:
#   vm-bench server=HOST:PORT client=uml metric=seq_write_1024MiB value=218.3 unit=MB/s
# metrics: seq_write_<N>MiB, seq_read_<N>MiB (MB/s, higher is better); create_<N>_files, ls_l_<N>_files,
# rm_r_<N>_files (seconds, lower is better). Guest console: --log FILE. Exit: 0 = every metric measured.
#
# usage: bench/scripts/vm-bench.sh [--mb N] [--files N] [--qemu] [--timeout SEC] [--log FILE] SERVER:PORT EXPORT
# needs: root (UML tap), scripts/install-test-deps.sh packages.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MB=1024; FILES=10000; HARNESS=$root/it/scripts/run-uml.sh; CLIENT=uml; TIMEOUT=900; LOG=
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) MB=$2; shift 2;;
    --files) FILES=$2; shift 2;;
    --qemu) HARNESS=$root/it/scripts/run-guest.sh; CLIENT=qemu; shift;;
    --timeout) TIMEOUT=$2; shift 2;;
    --log) LOG=$2; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    -*) echo "vm-bench: unknown option $1" >&2; exit 2;;
    *) break;;
  esac
done
[ $# -eq 2 ] || { echo "usage: vm-bench.sh [options] SERVER:PORT EXPORT (see --help)" >&2; exit 2; }
SERVER=$1; EXPORT=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/vm-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
LOG=${LOG:-$work/console.log}

{ cat "$root/bench/scripts/vm-workload.sh"; echo 'workload one "$NFS_PORT" "$BENCH_MB" "$BENCH_FILES"'; } > "$work/guest.sh"

rc=0
bash "$HARNESS" -s "$SERVER" -x "$EXPORT" -t "$TIMEOUT" -e "BENCH_MB=$MB" -e "BENCH_FILES=$FILES" "$work/guest.sh" \
  > "$LOG" 2>&1 || rc=$?
tr -d '\r' < "$LOG" | sed -n 's/.*@@BENCH one \([^ ]*\) \([^ ]*\) \([^ ]*\)$/\1 \2 \3/p' | while read -r metric value unit; do
  echo "vm-bench server=$SERVER client=$CLIENT metric=$metric value=$value unit=$unit"
done
if [ "$rc" != 0 ]; then
  echo "vm-bench: guest run failed (rc $rc): $(tr -d '\r' < "$LOG" | grep -E '@@BENCH-FAIL|@@VMC ERROR|run-(uml|guest):' | tr '\n' ' ')" >&2
  echo "vm-bench: console in $LOG" >&2
  [ "$LOG" != "$work/console.log" ] || cp "$LOG" "${TMPDIR:-/tmp}/vm-bench-failed-$$.log" && echo "vm-bench: kept as ${TMPDIR:-/tmp}/vm-bench-failed-$$.log" >&2
  exit 1
fi
