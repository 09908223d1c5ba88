# lib.sh - helpers for the guest workloads (busybox ash). KernelClient puts this file in front of every guest
# script, so a workload can use these without sourcing anything. Markers the host side parses:
#   @@IT OK <what>                   a check passed
#   @@IT FAIL <what>                 a check failed (the script then exits 1)
#   @@IT TIME <step> <seconds>       how long a step took, guest clock
#   @@IT MOUNTSTATS BEGIN|END        /proc/self/mountstats between the two lines
#   @@IT KV <key> <value>            a value the host test reads back (e.g. checksums of phase 1 of a two-phase test)
it_now() { cut -d' ' -f1 /proc/uptime; }
it_fail() { echo "@@IT FAIL $*"; exit 1; }
it_ok() { echo "@@IT OK $*"; }
# it_eq WHAT EXPECTED ACTUAL
it_eq() { [ "$2" = "$3" ] || it_fail "$1: expected [$2], got [$3]"; }
# it_run WHAT CMD...: run CMD, fail with WHAT and CMD's output if it fails
it_run() {
  _w=$1; shift
  _out=$("$@" 2>&1) || it_fail "$_w: '$*' failed: $(echo "$_out" | tail -3 | tr '\n' ' ')"
}
# it_time STEP CMD...: run CMD (it must succeed) and print how long it took
it_time() {
  _s=$1; shift; _a=$(it_now)
  "$@" || it_fail "$_s: '$*' failed"
  echo "@@IT TIME $_s $(awk -v a="$_a" -v b="$(it_now)" 'BEGIN{printf "%.2f", b-a}')"
}
it_md5() { md5sum < "$1" | cut -d' ' -f1; }
# A repeating random pattern for large files whose stripe units must all differ: it_pattern PERIOD puts PERIOD random
# bytes in /tmp/chunk; it_stream BYTES writes the first BYTES of /tmp/chunk repeated. Pick a PERIOD that is no
# multiple of the stripe unit, and a unit written to or read from the wrong place changes the file's md5.
it_pattern() { IT_PERIOD=$1; head -c "$1" /dev/urandom > /tmp/chunk || it_fail "make /tmp/chunk"; }
it_stream() { _n=0; while [ "$_n" -lt "$1" ]; do cat /tmp/chunk; _n=$((_n + IT_PERIOD)); done | head -c "$1"; }
it_size() { stat -c %s "$1"; }
it_mountstats() { echo "@@IT MOUNTSTATS BEGIN"; cat /proc/self/mountstats; echo "@@IT MOUNTSTATS END"; }
it_kv() { echo "@@IT KV $1 $2"; }
# it_opstat OP: "calls bytes-received" so far of NFS operation OP (e.g. READDIR) on this run's mount, from mountstats
it_opstat() {
  awk -v m="$NFS_MNT" -v op="$1:" '$1 == "device" { on = ($5 == m) } on && $1 == op { print $2, $6; exit }' \
    /proc/self/mountstats
}
# it_opdelta BEFORE AFTER: how much two it_opstat answers differ ("calls bytes")
it_opdelta() { echo "$1 $2" | awk '{ print $3 - $1, $4 - $2 }'; }
# it_opcalls OP: calls so far of NFS operation OP on this run's mount
it_opcalls() { it_opstat "$1" | cut -d' ' -f1; }
# For the write-delegation scripts: it_hold_unflushed_f opens f read-write on descriptor 3 (the server delegates
# it) and writes 16 bytes it neither fsyncs nor closes; it_await_delegreturn SECONDS WHAT then waits, touching
# nothing of f (closing any descriptor of f would flush it), until the kernel has sent a DELEGRETURN since.
it_hold_unflushed_f() {
  exec 3<>f || it_fail "read-write open of f"
  printf 'written by guest' >&3 || it_fail "write under the delegation"
  IT_RETURNS=$(it_opcalls DELEGRETURN)
}
it_await_delegreturn() {
  _n=0
  while [ "$(it_opcalls DELEGRETURN)" = "$IT_RETURNS" ] && [ $_n -lt $(($1 * 10)) ]; do
    usleep 100000; _n=$((_n + 1))
  done
  [ "$(it_opcalls DELEGRETURN)" != "$IT_RETURNS" ] || it_fail "no DELEGRETURN within $1 s of $2"
}
# A per-run working directory on the mount: runs against one server never collide (the hostname is unique per run).
it_workdir() {
  IT_DIR=$NFS_MNT/it-$1-$(hostname)
  mkdir "$IT_DIR" || it_fail "mkdir $IT_DIR"
  cd "$IT_DIR" || it_fail "cd $IT_DIR"
}
it_cleanup() { cd "$NFS_MNT" && rm -rf "$IT_DIR" || it_fail "cleanup: rm -rf $IT_DIR"; }
# Progress watch, for runs that stall: every IT_WATCH_SECS seconds (default 60) while the script runs, one
# "@@IT PROGRESS" line with the completed NFS operations of interest (ops/transmissions, from mountstats), the
# sends/receives of each MDS connection, and (with /files/tcpbytes) the bytes on every server connection. A run that
# hangs shows in its last console lines which operations stopped completing and on which connection. The watcher
# leaves the mount (cd /) so scripts can still umount it.
it_progress() {
  _p=$(awk '$1 ~ /^(READ|WRITE|COMMIT|OPEN|CLOSE|SETATTR|LAYOUTGET|LAYOUTCOMMIT|LAYOUTRETURN|GETDEVICEINFO):$/ && $2 > 0 {
      printf "%s%s/%s ", $1, $2, $3 }
    $1 == "xprt:" && $2 == "tcp" { printf "xprt:%s/%s ", $8, $9 }' /proc/self/mountstats 2>/dev/null)
  echo "@@IT PROGRESS t=$(it_now) $_p"
  if [ -x /files/tcpbytes ]; then /files/tcpbytes | sed 's/^tcp /@@IT PROGRESS tcp /'; fi
}
( cd / && while sleep "${IT_WATCH_SECS:-60}"; do it_progress; done ) &
