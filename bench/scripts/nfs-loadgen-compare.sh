#!/usr/bin/env bash
# nfs-loadgen-compare.sh - the host-side NFSv4.1 load generator (org.gfspnfs.bench.nfs.LoadGen) against NFS-Ganesha
# (scripts/ganesha.sh: Debian nfs-ganesha, FSAL_VFS) and against our server (`./gfspnfs demo`: MDS on P, 3 data
# servers on P+1..P+3), all in one run, plus the loopback TCP ceiling measured by the same program, the store
# ceiling (the same loopback transfer with each receiver writing into a file beside the servers' data, made durable:
# what any server could reach for sequential writes with no protocol at all) and the disk ceiling (a durable dd
# overwrite of one sequential run's size: what the disk itself takes). Workloads:
# sequential write and read with each --streams count, creates, READDIR+GETATTR of the created files, removes,
# random 4 KiB writes and reads; then the sequential ones again through pNFS layouts (3 DS). Prints the raw
# `metric=...` lines and two tables: ours (MDS alone) vs Ganesha, and pNFS 3 DS vs MDS alone vs Ganesha. The TCP and
# store ceilings are measured in every run, and "ours/tcp" and "ours/store" are the medians of the per-run ratios
# (each run's rows against that run's ceilings).
#
# usage: bench/scripts/nfs-loadgen-compare.sh [--size 256m] [--streams 1,8] [--files 10000] [--rand-ops 100000]
#                                             [--tcp-seconds 5] [--warmup N] [--runs N] [--no-pnfs] [--no-build]
#                                             [--one-process] [--nconnect N]
#   --size S    bytes per sequential run, split over the streams (the acceptance run is --size 1g)
#   --warmup N  before its measured run, each server gets N untimed passes of every workload (--size 256m), then
#               4N passes of the sequential ones at --size (ours also 8N pNFS passes of those, which warm the data
#               servers of nodes 2 and 3); default 1. A server process runs for weeks; without a warm-up a JVM
#               server is measured while its JIT compiler still competes for the 2 cores. --warmup 0 measures both
#               servers cold.
#   --runs N    measured runs (default 1). Each run goes through the workload groups (sequential, metadata,
#               random) and runs every group against both servers back to back, the side that goes first
#               alternating, so both see the same load from the rest of the machine. The tables show the median
#               of each side and, as "ratio", the median of the per-run ratios (each from a back-to-back pair).
#   --nconnect N  TCP connections per client session, as the Linux mount option (default 1, as a plain mount):
#               each stream keeps to one, so with --nconnect 8 the 8-stream rows use 8 connections, like the
#               8-stream TCP ceiling they are compared with. Same for both servers.
#   --no-build  use bench/target/benchmarks.jar as it is
#   --one-process  also start `gfspnfs demo --nodes 1` (MDS and 3 data-server endpoints in one process, one mount)
#               and run the pNFS rows against it too ("1 process" column): the pNFS protocol path without three
#               JVMs sharing the two cores
# Exit: 0 all measured; 3 our server did not start or a workload against it failed (the error line says which
# NFS status and operation); 1 the Ganesha side failed. pNFS that the server does not offer is "n/a", not a failure.
# Logs and data: $COMPARE_DIR (default: a new directory under /tmp, printed at the start). Needs root (Ganesha).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SIZE=256m; STREAMS=1,8; FILES=10000; RAND_OPS=100000; TCP=5; PNFS=1; BUILD=1; WARMUP=1; RUNS=1; ONE=0; NCONNECT=1
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE=$2; shift 2;;
    --streams) STREAMS=$2; shift 2;;
    --files) FILES=$2; shift 2;;
    --rand-ops) RAND_OPS=$2; shift 2;;
    --tcp-seconds) TCP=$2; shift 2;;
    --warmup) WARMUP=$2; shift 2;;
    --runs) RUNS=$2; shift 2;;
    --no-pnfs) PNFS=0; shift;;
    --one-process) ONE=1; shift;;
    --nconnect) NCONNECT=$2; shift 2;;
    --no-build) BUILD=0; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "nfs-loadgen-compare: unknown option $1 (see --help)" >&2; exit 2;;
  esac
done
dir=${COMPARE_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/nfs-loadgen.XXXXXX")}
mkdir -p "$dir"
echo "nfs-loadgen-compare: logs and data in $dir" >&2

. "$root/bench/scripts/ports.sh"

OURS_PID=; ONE_PID=
stop_demo() { # PID
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null || true
  fi
}
stop_all() {
  stop_demo "$OURS_PID"; stop_demo "$ONE_PID"
  "$root/scripts/ganesha.sh" stop "$dir/ganesha" >/dev/null 2>&1 || true
}
trap stop_all EXIT
trap 'exit 130' INT; trap 'exit 143' TERM

if [ "$BUILD" = 1 ]; then
  echo "nfs-loadgen-compare: building bench (mvn -B -q -pl bench -am package -DskipTests) ..." >&2
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests > "$dir/build.log" 2>&1) \
    || { echo "nfs-loadgen-compare: build failed; see $dir/build.log" >&2; tail -20 "$dir/build.log" >&2; exit 1; }
fi
jar="$root/bench/target/benchmarks.jar"
[ -f "$jar" ] || { echo "nfs-loadgen-compare: $jar missing (build first)" >&2; exit 1; }

# ---- servers
gport=$(free_port_range 1)
GANESHA_PID=$("$root/scripts/ganesha.sh" start "$dir/ganesha" "$gport" /) \
  || { echo "nfs-loadgen-compare: Ganesha did not start" >&2; exit 1; }
echo "nfs-loadgen-compare: ganesha on 127.0.0.1:$gport" >&2

oport=$(free_port_range "$DEMO_PORTS"); ours_ok=1; ours_why=
setsid "$root/gfspnfs" demo --dir "$dir/ours" --port "$oport" > "$dir/demo.log" 2>&1 < /dev/null &
OURS_PID=$!
for _ in $(seq 1 1800); do   # <= 180 s: the launcher may build first
  grep -qx ready "$dir/demo.log" 2>/dev/null && break
  kill -0 "$OURS_PID" 2>/dev/null || break
  sleep 0.1
done
if ! grep -qx ready "$dir/demo.log" 2>/dev/null; then
  ours_ok=0; ours_why="gfspnfs demo did not print ready (log $dir/demo.log: $(tail -1 "$dir/demo.log"))"
  echo "nfs-loadgen-compare: OUR SERVER IS NOT AVAILABLE: $ours_why" >&2
else
  echo "nfs-loadgen-compare: ours on 127.0.0.1:$oport (data servers $((oport + 1))..$((oport + 3)))" >&2
fi

# --one-process: a second demo, one process (--nodes 1) with the MDS and 3 data-server endpoints on one mount, for
# the pNFS rows only: the protocol path without the cost of three JVMs sharing two cores.
one_ok=0
if [ "$ONE" = 1 ] && [ "$PNFS" = 1 ] && [ "$ours_ok" = 1 ]; then
  p1port=$(free_port_range "$DEMO_PORTS")
  setsid "$root/gfspnfs" demo --nodes 1 --dir "$dir/one" --port "$p1port" > "$dir/one.log" 2>&1 < /dev/null &
  ONE_PID=$!
  for _ in $(seq 1 600); do
    grep -qx ready "$dir/one.log" 2>/dev/null && break
    kill -0 "$ONE_PID" 2>/dev/null || break
    sleep 0.1
  done
  if grep -qx ready "$dir/one.log" 2>/dev/null; then
    one_ok=1; echo "nfs-loadgen-compare: one-process demo on 127.0.0.1:$p1port" >&2
  else
    echo "nfs-loadgen-compare: the one-process demo did not start (log $dir/one.log)" >&2
  fi
fi

# ---- runs: one JVM per workload group and side; the TCP and store ceilings with every run's Ganesha sequential group
cpu_ticks() { # PIDS (space separated): user+system clock ticks, summed
  local t=0 p n
  for p in $1; do n=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0); t=$((t + n)); done
  echo "$t"
}
# ours: the node JVMs the demo supervises (three-node demo), or the demo itself (--nodes 1)
server_pid() { if [ "$1" = ganesha ]; then echo "$GANESHA_PID"; else echo $(pgrep -P "$OURS_PID" java || echo "$OURS_PID"); fi; }
measured() { # NAME PORT GROUP extra-args...: loadgen, plus the server's CPU time for it -> $dir/NAME.cpu
  local name=$1 port=$2 group=$3 pid c0 rc=0; shift 3
  pid=$(server_pid "$name"); c0=$(cpu_ticks "$pid")
  loadgen "$name" "$port" --workload "$group" "$@" || rc=$?
  echo "$group $(( $(cpu_ticks "$pid") - c0 ))" >> "$dir/$name.cpu"
  return $rc
}
# The load generator's JVM: a throughput collector. Every READ decodes a fresh 1 MiB array; with G1 (the default)
# those are humongous objects, and a profile of the generator during a pNFS read showed some 440 collections in a
# 3 GiB read and the generator taking more CPU than the three node JVMs together. Same for both servers.
LOADGEN_JVM=(-Xmx2g -XX:+UseParallelGC)
loadgen() { # NAME PORT extra-args... -> appended to $dir/NAME.results (+ .err)
  local name=$1 port=$2; shift 2
  java "${LOADGEN_JVM[@]}" -cp "$jar" org.gfspnfs.bench.nfs.LoadGen --server "127.0.0.1:$port" --export / --streams "$STREAMS" \
    --nconnect "$NCONNECT" --size "$SIZE" --files "$FILES" --rand-ops "$RAND_OPS" "$@" 2>> "$dir/$name.err" | sed "s/^/$name /" \
    | tee -a "$dir/$name.results"
  return "${PIPESTATUS[0]}"
}
warmup() { # NAME PASSES PORT SIZE extra-args...: untimed passes, output in $dir/NAME.warmup
  local name=$1 passes=$2 port=$3 size=$4 i; shift 4
  for i in $(seq 1 "$passes"); do
    java "${LOADGEN_JVM[@]}" -cp "$jar" org.gfspnfs.bench.nfs.LoadGen --server "127.0.0.1:$port" --export / \
      --streams "$STREAMS" --nconnect "$NCONNECT" --size "$size" --files "$FILES" --rand-ops "$RAND_OPS" --tcp-seconds 0 "$@" \
      >> "$dir/$name.warmup" 2>&1 || true
  done
}
ganesha_ok=1
warmup ganesha "$WARMUP" "$gport" 256m --workload all
[ "$ours_ok" = 1 ] && warmup ours "$WARMUP" "$oport" 256m --workload all
# A 1 MiB READ or WRITE runs the per-request code about a thousand times per GiB, and C2 compiles a method after
# some ten thousand calls: one-stream writes against a fresh demo rose from 0.9 to 2.6 GB/s over the first ten
# 1 GiB rounds (perf: the C2 thread in as many samples as the worker during round four), while passes at 256 MiB
# left the measured rows on that slope. Both servers get the same passes (Ganesha has no JIT to warm).
warmup ganesha $((4 * WARMUP)) "$gport" "$SIZE" --workload seq-write,seq-read
[ "$ours_ok" = 1 ] && warmup ours $((4 * WARMUP)) "$oport" "$SIZE" --workload seq-write,seq-read
# The data servers of nodes 2 and 3 serve no I/O in the passes above: warm their JVMs with pNFS passes too, or the
# pNFS rows measure two cold JIT compilers against the warm MDS and Ganesha. A data server sees a third of the
# bytes of a pass, and per-thread CPU showed the C2 compiler still taking half of a node's CPU after two passes
# (gone after eight); perf during pNFS reads after twelve passes still found the data servers' C2 threads in a
# fifth of all samples: eight pNFS passes per warm-up round.
[ "$ours_ok" = 1 ] && [ "$PNFS" = 1 ] && warmup ours $((8 * WARMUP)) "$oport" 256m --workload seq-write,seq-read --pnfs
[ "$one_ok" = 1 ] && warmup one $((8 * WARMUP)) "$p1port" 256m --workload seq-write,seq-read --pnfs
# The one-process demo's image is a new sparse file that the passes above touch only 256 MiB of: its first pass at
# --size writes into holes (new page cache pages, blocks the host filesystem allocates), and an 8-stream pNFS write
# at 1 GiB ran at 400-590 MB/s that once and at 1700-2700 after (2026-11-23). The three-node demo's image got its
# passes at --size through the MDS above; this one gets them through its layouts.
[ "$one_ok" = 1 ] && warmup one "$WARMUP" "$p1port" "$SIZE" --workload seq-write,seq-read --pnfs
# The disk ceiling: what the disk takes of a sequential overwrite made durable - dd of one seq-write run's size over
# a file written once before (so no block allocation: a server overwriting its image's blocks does the same), with
# fdatasync, in the directory that holds both servers' data. A seq-write row is the network transfer plus the COMMIT
# that makes the data durable; the table shows ours/disk next to ours/tcp.
disk_ceiling() {
  local mib bytes out secs f="$dir/disk-ceiling.bin"
  case "$SIZE" in
    *[gG]) mib=$(( ${SIZE%[gG]} * 1024 ));; *[mM]) mib=${SIZE%[mM]};; *[kK]) mib=$(( ${SIZE%[kK]} / 1024 ));; *) mib=$(( SIZE >> 20 ));;
  esac
  [ "$mib" -ge 1 ] || mib=1
  dd if=/dev/zero of="$f" bs=1M count="$mib" conv=fsync 2>/dev/null
  out=$(LC_ALL=C dd if=/dev/zero of="$f" bs=1M count="$mib" conv=notrunc,fdatasync 2>&1 | tail -1)
  rm -f "$f"
  bytes=${out%% bytes*}; secs=$(echo "$out" | sed -n 's/.* copied, \([0-9.e+-]*\) s,.*/\1/p')
  [ -n "$secs" ] && awk -v b="$bytes" -v s="$secs" 'BEGIN { if (s > 0) printf "disk metric=disk-ceiling streams=1 MBps=%.1f\n", b / s / 1e6 }' \
    | tee -a "$dir/disk.results"
}
for run in $(seq 1 "$RUNS"); do
  disk_ceiling || true
  for group in seq-write,seq-read creates,readdir rand4k; do
    sides="ganesha ours"; [ $(( run % 2 )) = 0 ] && sides="ours ganesha"
    for side in $sides; do
      if [ "$side" = ganesha ]; then
        [ "$ganesha_ok" = 1 ] || continue
        # The ceilings in every run, right before its sequential group: they move with the machine as much as the
        # servers do, so each run's sequential rows are divided by that run's own ceilings.
        t=0; [ "$group" = seq-write,seq-read ] && t=$TCP
        measured ganesha "$gport" "$group" --tcp-seconds "$t" --store-dir "$dir" || ganesha_ok=0
      elif [ "$ours_ok" = 1 ] && ! measured ours "$oport" "$group" --tcp-seconds 0; then
        ours_ok=0; ours_why="a workload against our server failed: $(grep -m1 '^ours error' "$dir/ours.results" || tail -1 "$dir/ours.err")"
      fi
    done
  done
  # pNFS in every run, after the groups: the cluster demo, then (--one-process) the one-process demo
  if [ "$ours_ok" = 1 ] && [ "$PNFS" = 1 ]; then
    loadgen pnfs "$oport" --workload seq-write,seq-read --tcp-seconds 0 --pnfs \
      || echo "nfs-loadgen-compare: the pNFS run failed: $(grep -m1 '^pnfs error' "$dir/pnfs.results" || tail -1 "$dir/pnfs.err")" >&2
  fi
  if [ "$one_ok" = 1 ]; then
    loadgen pnfs1 "$p1port" --workload seq-write,seq-read --tcp-seconds 0 --pnfs \
      || echo "nfs-loadgen-compare: the one-process pNFS run failed: $(tail -1 "$dir/pnfs1.err")" >&2
  fi
done

# ---- tables
echo
awk -v ours_ok="$ours_ok" '
  {
    side = $1; delete f
    for (i = 2; i <= NF; i++) { k = $i; sub(/=.*/, "", k); v = $i; sub(/^[^=]*=/, "", v); f[k] = v }
    if (!("metric" in f)) next
    m = f["metric"]; sub(/^pnfs-/, "", m); key = m " " f["streams"]
    if (f["status"] == "n/a") { val[side, key] = "n/a"; next }
    v = (m ~ /^seq|^tcp/) ? f["MBps"] : f["ops_per_s"]
    all[side, key] = ((side, key) in all) ? all[side, key] " " v : v
    val[side, key] = median(all[side, key])
    if (side == "pnfs" || side == "pnfs1") mdsbytes[key] = (key in mdsbytes) ? mdsbytes[key] + f["mds_data_bytes"] : f["mds_data_bytes"]
    if (m == "disk-ceiling") { disks = (disks == "") ? f["MBps"] : disks " " f["MBps"]; next }
    if (!(key in seen) && m != "tcp-ceiling" && m != "store-ceiling") { seen[key] = 1; order[++n] = key }
    if (m == "tcp-ceiling") tcp[f["streams"]] = val[side, key]
    if (m == "store-ceiling") store[f["streams"]] = val[side, key]
  }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return (n % 2) ? a[(n + 1) / 2] : sprintf("%.1f", (a[n / 2] + a[n / 2 + 1]) / 2)
  }
  function paired(key,   g, o, ng, no, i, list) { # median of the per-run ratios ours/ganesha (runs are back to back)
    ng = split(all["ganesha", key], g, " "); no = split(all["ours", key], o, " "); list = ""
    for (i = 1; i <= ng && i <= no; i++) if (g[i] + 0 > 0) list = list (list == "" ? "" : " ") sprintf("%.3f", o[i] / g[i])
    return list == "" ? "n/a" : sprintf("%.2f", median(list))
  }
  function against(key, ceiling,   c, o, nc, no, i, list) { # median of the per-run ratios ours/ceiling of that run
    nc = split(all["ganesha", ceiling], c, " "); no = split(all["ours", key], o, " "); list = ""
    for (i = 1; i <= nc && i <= no; i++) if (c[i] + 0 > 0) list = list (list == "" ? "" : " ") sprintf("%.3f", o[i] / c[i])
    return list == "" ? "n/a" : sprintf("%.2f", median(list))
  }
  function trim(x) { gsub(/^ +| +$/, "", x); return x }
  function ratio(a, b) { return (a == "" || b == "" || a == "n/a" || b == "n/a" || b + 0 == 0) ? "n/a" : sprintf("%.2f", a / b) }
  END {
    disk = (disks == "") ? "" : median(disks)
    printf "%-14s %7s %-6s %10s %10s %7s %12s %10s %11s\n", "metric", "streams", "unit", "ganesha", "ours", "ratio", "ours/tcp", "ours/disk", "ours/store"
    for (i = 1; i <= n; i++) {
      split(order[i], p, " "); m = p[1]; s = p[2]
      g = val["ganesha", order[i]]; o = ours_ok ? val["ours", order[i]] : "n/a"
      unit = (m ~ /^seq/) ? "MB/s" : "ops/s"
      t = (m ~ /^seq/ && (s in tcp)) ? (ours_ok ? against(order[i], "tcp-ceiling " s) : "n/a") : "-"
      d = (m == "seq-write" && disk != "") ? ratio(o, disk) : "-"
      st = (m == "seq-write" && (s in store)) ? (ours_ok ? against(order[i], "store-ceiling " s) : "n/a") : "-"
      printf "%-14s %7s %-6s %10s %10s %7s %12s %10s %11s\n", m, s, unit, g, (o == "" ? "n/a" : o), ours_ok ? paired(order[i]) : "n/a", t, d, st
    }
    for (s in tcp) printf "tcp-ceiling    %7s MB/s   %10s (loopback, 1 MiB writes, plain Java sockets; median, runs: %s)\n", s, tcp[s], trim(all["ganesha", "tcp-ceiling " s])
    for (s in store) printf "store-ceiling  %7s MB/s   %10s (loopback into a file beside the servers%s data, written durably; no protocol; median, runs: %s)\n", s, store[s], "\047", trim(all["ganesha", "store-ceiling " s])
    if (disk != "") printf "disk-ceiling   %7s MB/s   %10s (dd bs=1M conv=notrunc,fdatasync over written blocks, one seq-write run; median of %d)\n", 1, disk, split(disks, dd, " ")
    print ""
    printf "%-10s %7s %10s %10s %10s %9s %9s %15s %11s %10s\n", "pNFS", "streams", "3 DS", "MDS alone", "ganesha", "DS/MDS", "DS/gan.", "MDS data bytes", "1 process", "1proc/gan."
    for (i = 1; i <= n; i++) {
      split(order[i], p, " "); if (p[1] !~ /^seq/) continue
      d = val["pnfs", order[i]]; if (d == "") d = "n/a"
      d1 = val["pnfs1", order[i]]; if (d1 == "") d1 = "n/a"
      o = ours_ok ? val["ours", order[i]] : "n/a"
      printf "%-10s %7s %10s %10s %10s %9s %9s %15s %11s %10s\n", p[1], p[2], d, o, val["ganesha", order[i]], ratio(d, o), ratio(d, val["ganesha", order[i]]), (order[i] in mdsbytes) ? mdsbytes[order[i]] : "-", d1, ratio(d1, val["ganesha", order[i]])
    }
  }' "$dir/ganesha.results" "$dir/ours.results" $( [ -f "$dir/disk.results" ] && echo "$dir/disk.results" ) \
    $( [ -f "$dir/pnfs.results" ] && echo "$dir/pnfs.results" ) \
    $( [ -f "$dir/pnfs1.results" ] && echo "$dir/pnfs1.results" )
# Server CPU per workload group (user + system time of the server process, which includes its file I/O in the
# kernel; both sides serve the same requests, so less is more efficient). Noise from the rest of the machine moves
# it much less than throughput. The TCP ceiling runs in the client, outside the Ganesha process.
if [ -f "$dir/ganesha.cpu" ] && [ -f "$dir/ours.cpu" ]; then
  echo
  awk -v hz="$(getconf CLK_TCK)" '
    function median(list,   a, n, i, j, t) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    FNR == 1 { side = (NR == 1) ? "g" : "o" }
    { l[side, $1] = l[side, $1] " " $2; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
    END {
      printf "%-26s %12s %12s %10s\n", "server CPU per group", "ganesha s", "ours s", "ours/gan."
      for (i = 1; i <= n; i++) {
        g = median(l["g", order[i]]) / hz; o = median(l["o", order[i]]) / hz
        printf "%-26s %12.2f %12.2f %10s\n", order[i], g, o, (g > 0 ? sprintf("%.2f", o / g) : "n/a")
      }
    }' "$dir/ganesha.cpu" "$dir/ours.cpu"
fi
[ "$ganesha_ok" = 1 ] || { echo "nfs-loadgen-compare: the Ganesha run failed; see $dir/ganesha.err" >&2; exit 1; }
if [ "$ours_ok" != 1 ]; then echo; echo "nfs-loadgen-compare: ours: NOT MEASURED: $ours_why"; exit 3; fi
