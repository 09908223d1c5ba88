#!/usr/bin/env bash
# compare-ganesha.sh - the same kernel-client bench (vm-bench.sh) against NFS-Ganesha (scripts/ganesha.sh, the Debian
# reference server, FSAL_VFS) and against our server (`./gfspnfs demo`), both started here on their own loopback
# ports and both exporting `/`, then a table with ours/ganesha ratios. The benches run one at a time, alternating
# sides in ABBA order (the machine has 2 cores); both servers are stopped at the end, also on Ctrl-C.
#
# usage: bench/scripts/compare-ganesha.sh [--runs N] [--warmup N] [--warmup-mb N] [vm-bench.sh options: --mb N
#                                         --files N --qemu ...]
#   --runs N      run each side N times and report the median (default 1); an even N balances the ABBA order
#                 (see "bench" below) exactly
#   --warmup N    before the measured runs, N untimed runs against each side with --mb WARMUP_MB --files 2000
#                 (default 5): a server process runs for weeks, and a JVM server measured cold is measured while its
#                 JIT compiler still competes for the 2 cores (0: both sides measured cold). After 2 such runs the
#                 MDS's C2 compiler still took 173, 71, 44 and 25 ticks in the next four runs (1 GiB and 1000 files
#                 each), against 469, 306, 264 and 247 for the whole MDS process (2026-11-23)
#   --warmup-mb N size of the warm-up runs' sequential file (default 1024). Measured with per-thread CPU on node 1
#                 of the demo, the C2 compiler took 290, 170, 65, 31 and 20 ticks in five successive 1 GiB write
#                 rounds from the kernel client, against 100-140 for all of the server's own work per round: 256 MiB
#                 of warm-up left most of the compiling inside the measured runs.
#   --one-guest   one UML guest mounts both servers and runs every warm-up and measured round of both sides itself,
#                 in the same ABBA order (the same workload, vm-workload.sh). Without it each run boots a guest of
#                 its own, and a guest's speed differs from boot to boot: the same server's `ls -l` took 1.06-2.45 s
#                 over six guests (2026-11-23). UML only (--mb and --files apply; not --qemu).
# Output: the raw `vm-bench ...` lines of each run, then the table:
#   metric               unit   ganesha     ours  ours/ganesha  better
# Exit: 0 = both sides measured; 3 = our server did not start or its bench failed (Ganesha's numbers are still
# printed); 1 = Ganesha's side failed.
# Logs and data: $COMPARE_DIR (default: a new directory under /tmp, printed at the start).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=1; WARMUP=5; WARMUP_MB=1024; ARGS=(); ONE_GUEST=0; MB=1024; FILES=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2;;
    --one-guest) ONE_GUEST=1; shift;;
    --mb) MB=$2; ARGS+=("$1" "$2"); shift 2;;
    --files) FILES=$2; ARGS+=("$1" "$2"); shift 2;;
    --warmup) WARMUP=$2; shift 2;;
    --warmup-mb) WARMUP_MB=$2; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) ARGS+=("$1"); shift;;
  esac
done
if [ "$ONE_GUEST" = 1 ]; then
  for a in ${ARGS[@]+"${ARGS[@]}"}; do
    case "$a" in --qemu|--log|--timeout) echo "compare-ganesha: --one-guest runs UML and its own log; $a does not apply" >&2; exit 2;; esac
  done
fi
dir=${COMPARE_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/compare-ganesha.XXXXXX")}
mkdir -p "$dir"
echo "compare-ganesha: logs and data in $dir" >&2

. "$root/bench/scripts/ports.sh"

OURS_PID=
stop_all() {
  if [ -n "$OURS_PID" ] && kill -0 "$OURS_PID" 2>/dev/null; then
    kill -TERM "$OURS_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$OURS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$OURS_PID" 2>/dev/null || true
  fi
  "$root/scripts/ganesha.sh" stop "$dir/ganesha" >/dev/null 2>&1 || true
}
trap stop_all EXIT
trap 'exit 130' INT; trap 'exit 143' TERM

# ---- start both servers
gport=$(free_port_range 1)
"$root/scripts/ganesha.sh" start "$dir/ganesha" "$gport" / > /dev/null || { echo "compare-ganesha: Ganesha did not start" >&2; exit 1; }
echo "compare-ganesha: ganesha on 127.0.0.1:$gport (pid $(cat "$dir/ganesha/ganesha.pid"))" >&2

oport=$(free_port_range "$DEMO_PORTS"); ours_ok=1; ours_why=
mkdir -p "$dir/ours"
# `demo` exists when `gfspnfs help demo` succeeds or `gfspnfs --help` lists it (the CLI may have no `help` command);
# the same rule as the ITs' DemoSubcommand
demo_known() {
  "$root/gfspnfs" help demo > "$dir/ours/help-demo.out" 2>&1 && return 0
  "$root/gfspnfs" --help > "$dir/ours/help.out" 2>&1 && grep -qE '^ +demo( |$)' "$dir/ours/help.out"
}
if ! demo_known; then
  ours_ok=0
  if grep -q 'Usage: gfspnfs' "$dir/ours/help-demo.out" && grep -qE 'Unmatched argument|Unknown subcommand' "$dir/ours/help-demo.out"; then
    ours_why="'./gfspnfs demo' is not a subcommand yet (./gfspnfs help demo: $(grep -m1 -E 'Unmatched|Unknown' "$dir/ours/help-demo.out"))"
  else
    ours_why="the ./gfspnfs launcher failed: $(grep -m1 'gfspnfs:.*fail' "$dir/ours/help-demo.out" || tail -1 "$dir/ours/help-demo.out") (full output: $dir/ours/help-demo.out)"
  fi
else
  setsid "$root/gfspnfs" demo --dir "$dir/ours/data" --port "$oport" > "$dir/ours/demo.log" 2>&1 < /dev/null &
  OURS_PID=$!
  # "ready" once every node is: the MDS port alone accepts as soon as node 1 is up, and a demo whose later node
  # fails to start then stops again
  for _ in $(seq 1 1800); do   # <= 180 s: the launcher may build first
    grep -qx ready "$dir/ours/demo.log" 2>/dev/null && break
    kill -0 "$OURS_PID" 2>/dev/null || break
    sleep 0.1
  done
  if ! grep -qx ready "$dir/ours/demo.log" 2>/dev/null; then
    ours_ok=0; ours_why="gfspnfs demo did not get ready on 127.0.0.1:$oport (log $dir/ours/demo.log: $(grep -v '^  ' "$dir/ours/demo.log" | tail -1))"
  else
    echo "compare-ganesha: ours on 127.0.0.1:$oport (pid $OURS_PID)" >&2
  fi
fi
[ "$ours_ok" = 1 ] || echo "compare-ganesha: OUR SERVER IS NOT AVAILABLE: $ours_why; measuring Ganesha only" >&2

# ---- bench: the sides alternate in ABBA order (ganesha, ours | ours, ganesha | ganesha, ours ...), so that a drift
# in the machine's speed during the compare hits both alike: with plain alternation the side measured second in every
# round is measured later throughout, and on this shared host runs slowed by up to 25% from the first round to the
# third (2026-11-23)
bench_once() { # NAME PORT RUN -> appends to $dir/NAME.results
  bash "$root/bench/scripts/vm-bench.sh" --log "$dir/$1.console.$3.log" "${ARGS[@]+"${ARGS[@]}"}" \
    "127.0.0.1:$2" / | tee -a "$dir/$1.results"
  return "${PIPESTATUS[0]}"
}
warm_once() { # NAME PORT RUN: untimed, output kept in $dir/NAME.warmup
  bash "$root/bench/scripts/vm-bench.sh" --log "$dir/$1.warmup-console.$3.log" "${ARGS[@]+"${ARGS[@]}"}" \
    --mb "$WARMUP_MB" --files 2000 "127.0.0.1:$2" / >> "$dir/$1.warmup" 2>&1 || true
}
bench_ganesha() { # RUN
  bench_once ganesha "$gport" "$1" || { echo "compare-ganesha: the bench against Ganesha failed; see $dir/ganesha.console.$1.log" >&2; exit 1; }
}
bench_ours() { # RUN
  if [ "$ours_ok" = 1 ] && ! bench_once ours "$oport" "$1"; then
    ours_ok=0; ours_why="the bench against our server failed; see $dir/ours.console.$1.log"
    echo "compare-ganesha: $ours_why" >&2
  fi
}
separate_guests() { # a guest per run
  local i
  for i in $(seq 1 "$WARMUP"); do
    warm_once ganesha "$gport" "$i"
    [ "$ours_ok" = 1 ] && warm_once ours "$oport" "$i"
  done
  for i in $(seq 1 "$RUNS"); do
    if [ $((i % 2)) = 1 ]; then bench_ganesha "$i"; bench_ours "$i"; else bench_ours "$i"; bench_ganesha "$i"; fi
  done
}
# ---- --one-guest: both sides from one guest. Its script is the workload and a driver that names each run
# SIDE-N (measured) or warm-SIDE-N; a side whose run fails is left out from then on (Ganesha's ends the guest).
one_guest() {
  local log=$dir/one-guest.console.log rc=0
  { cat "$root/bench/scripts/vm-workload.sh"; cat <<'DRIVER'; } > "$dir/one-guest.sh"
ours_ok=1
run() { # SIDE NAME MB FILES
  if [ "$1" = ours ]; then
    [ "$ours_ok" = 1 ] || return 0
    workload "$2" "$OURS_PORT" "$3" "$4" || ours_ok=0
  else
    workload "$2" "$GANESHA_PORT" "$3" "$4" || exit 1
  fi
}
i=1
while [ $i -le "$WARMUP" ]; do run ganesha warm-ganesha-$i "$WARMUP_MB" 2000; run ours warm-ours-$i "$WARMUP_MB" 2000; i=$((i + 1)); done
i=1
while [ $i -le "$RUNS" ]; do
  if [ $((i % 2)) = 1 ]; then run ganesha ganesha-$i "$MB" "$FILES"; run ours ours-$i "$MB" "$FILES"
  else run ours ours-$i "$MB" "$FILES"; run ganesha ganesha-$i "$MB" "$FILES"; fi
  i=$((i + 1))
done
[ "$ours_ok" = 1 ]
DRIVER
  bash "$root/it/scripts/run-uml.sh" -s "127.0.0.1:$oport" --also-port "$gport" --no-mount -x / \
    -t $(( (WARMUP * 2 * 240) + (RUNS * 2 * 300) + 120 )) -e "OURS_PORT=$oport" -e "GANESHA_PORT=$gport" \
    -e "WARMUP=$WARMUP" -e "WARMUP_MB=$WARMUP_MB" -e "RUNS=$RUNS" -e "MB=$MB" -e "FILES=$FILES" \
    "$dir/one-guest.sh" > "$log" 2>&1 || rc=$?
  tr -d '\r' < "$log" | sed -n 's/.*@@BENCH \([a-z-]*\)-\([0-9]*\) \([^ ]*\) \([^ ]*\) \([^ ]*\)$/\1 \2 \3 \4 \5/p' |
    while read -r name run metric value unit; do
      case "$name" in warm-*) out=$dir/${name#warm-}.warmup;; *) out=$dir/$name.results;; esac
      port=$gport; case "$name" in *ours) port=$oport;; esac
      echo "vm-bench server=127.0.0.1:$port client=uml-one-guest run=$run metric=$metric value=$value unit=$unit" >> "$out"
    done
  cat "$dir/ganesha.results" "$dir/ours.results"
  if [ "$rc" != 0 ]; then
    local why
    why=$(tr -d '\r' < "$log" | grep -E '@@BENCH-FAIL|@@VMC ERROR|run-uml:' | tr '\n' ' ')
    if tr -d '\r' < "$log" | grep -q '@@BENCH-FAIL ganesha' || [ ! -s "$dir/ganesha.results" ]; then
      echo "compare-ganesha: the one-guest run failed on Ganesha's side or before it (rc $rc): $why; console $log" >&2
      exit 1
    fi
    ours_ok=0; ours_why="the bench against our server failed in the one-guest run: $why; console $log"
    echo "compare-ganesha: $ours_why" >&2
  fi
}
: > "$dir/ganesha.results"; : > "$dir/ours.results"
if [ "$ONE_GUEST" = 1 ] && [ "$ours_ok" = 1 ]; then
  one_guest
else
  separate_guests
fi

# ---- table: median per metric, ours/ganesha
echo
awk -v ours_ok="$ours_ok" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    side = FILENAME ~ /ours\.results$/ ? "ours" : "ganesha"
    m = f["metric"]; unit[m] = f["unit"]
    if (!(m in seen)) { seen[m] = 1; order[++k] = m }
    v[side, m] = v[side, m] " " f["value"]
  }
  END {
    printf "%-22s %-5s %10s %10s %13s  %s\n", "metric", "unit", "ganesha", "ours", "ours/ganesha", "better"
    for (i = 1; i <= k; i++) {
      m = order[i]; g = median(v["ganesha", m])
      better = unit[m] == "MB/s" ? "higher" : "lower"
      if ((("ours", m) in v) && ours_ok) { o = median(v["ours", m]); r = g > 0 ? sprintf("%.2f", o / g) : "-" }
      else { o = "n/a"; r = "n/a" }
      printf "%-22s %-5s %10s %10s %13s  %s\n", m, unit[m], g, o, r, better
    }
  }' "$dir/ganesha.results" "$dir/ours.results"
if [ "$ours_ok" != 1 ]; then
  echo
  echo "compare-ganesha: ours: NOT MEASURED: $ours_why"
  exit 3
fi
