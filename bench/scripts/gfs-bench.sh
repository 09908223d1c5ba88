#!/usr/bin/env bash
# gfs-bench.sh - gfs-layout benches through the FileSystem API (one node, local lock module, image files):
#   1. sequential write (+fsync) and read of --mib MiB (default 1024), as a ratio to plain FileChannel I/O of the
#      same bytes in the same run (target: ratio >= 0.8);
#   2. creates in one directory up to 1k/10k/100k/--max (default 1M) entries: create rate per step and random
#      lookup time at each size (target: flat).
# Prints one machine-readable line per metric, e.g.
#   gfs-bench metric=seq_write_1024MiB raw_MBps=900 gfs_MBps=850 ratio=0.94
#   gfs-bench metric=dir_entries entries=100000 create_per_s=21000 lookup_us=4.1 lookup_vs_1k=1.05
#
# usage: bench/scripts/gfs-bench.sh [--dir DIR] [--mib N] [--reps R] [--max N] [--no-build] [--seq-only|--dir-only]
# DIR holds the image files (default: $TMPDIR or /tmp; needs about 2.3x --mib plus 5 GiB for 1M entries).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DIR=${TMPDIR:-/tmp}; MIB=1024; REPS=3; MAX=1000000; BUILD=1; SEQ=1; DIRS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR=$2; shift 2;;
    --mib) MIB=$2; shift 2;;
    --reps) REPS=$2; shift 2;;
    --max) MAX=$2; shift 2;;
    --no-build) BUILD=0; shift;;
    --seq-only) DIRS=0; shift;;
    --dir-only) SEQ=0; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) echo "gfs-bench: unknown argument $1 (see --help)" >&2; exit 2;;
  esac
done
if [ "$BUILD" = 1 ]; then
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
fi
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || { echo "gfs-bench: $jar missing (build failed?)" >&2; exit 1; }
JAVA_OPTS=${JAVA_OPTS:--Xmx8g -XX:+UseParallelGC}
if [ "$SEQ" = 1 ]; then
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$jar" org.gfspnfs.bench.gfs.SequentialIoBench --dir "$DIR" --mib "$MIB" --reps "$REPS"
fi
if [ "$DIRS" = 1 ]; then
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$jar" org.gfspnfs.bench.gfs.DirectoryScaleBench --dir "$DIR" --max "$MAX"
fi
