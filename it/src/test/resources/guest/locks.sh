# fcntl byte-range locks between two guest processes (NFSv4.1 LOCK/LOCKT/LOCKU), and flock(2) whole-file locks.
# Needs /files/lockprobe (lockprobe.c, built with gcc -static on the host).
P=/files/lockprobe
[ -x $P ] || it_fail "$P missing (the host must pass it with -f)"
it_workdir locks
: > f
rel() { rm -f /tmp/ready /tmp/release; }
# hold FILE RANGE TYPE in the background until /tmp/release appears
hold() { rel; $P hold "$1" "$2" "$3" "$4" /tmp/ready /tmp/release & HOLDER=$!
  n=0; while [ ! -e /tmp/ready ]; do n=$((n + 1)); [ $n -lt 3000 ] || it_fail "holder never got $*"; kill -0 $HOLDER 2>/dev/null || it_fail "holder of $* died"; usleep 10000; done; }
release() { : > /tmp/release; wait $HOLDER || it_fail "holder exited with an error"; }
expect() { # expect RC WHAT CMD...
  _want=$1; _what=$2; shift 2; _out=$("$@" 2>&1); _rc=$?
  [ $_rc = "$_want" ] || it_fail "$_what: '$*' exited $_rc (want $_want): $_out"; }

hold f 0 100 w
expect 1 "F_GETLK of [50,60) against a write lock on [0,100)" $P test f 50 10 w
case "$($P test f 50 10 r)" in "conflict w"*) ;; *) it_fail "F_GETLK did not report the holder's write lock: $($P test f 50 10 r)";; esac
expect 0 "F_GETLK of the adjacent range [100,110)" $P test f 100 10 w
expect 1 "F_SETLK w on [99,100) (overlaps by one byte)" $P try f 99 1 w
expect 1 "F_SETLK r on [0,1) against a write lock" $P try f 0 1 r
expect 0 "F_SETLK w on the disjoint range [200,210)" $P try f 200 10 w
it_ok "write lock conflicts on overlap only"
release
expect 0 "F_SETLK w on [0,100) after the holder released" $P try f 0 100 w
it_ok "release frees the range"

hold f 300 10 r
expect 0 "F_SETLK r on [300,310) shared with a read lock" $P try f 300 10 r
expect 1 "F_SETLK w on [305,306) against a read lock" $P try f 305 1 w
release
it_ok "read locks share, exclude writers"

hold f 0 0 w   # len 0 = to EOF and beyond
expect 1 "F_SETLK w at offset 1 GiB against a lock to EOF" $P try f 1073741824 1 w
kill -9 $HOLDER; wait $HOLDER 2>/dev/null
expect 0 "F_SETLK after the holder was killed (locks die with the process)" $P try f 0 0 w
it_ok "a killed holder's locks are released"

hold f 0 10 w
$P wait f 5 1 w 60 & W=$!
usleep 500000
kill -0 $W 2>/dev/null || it_fail "F_SETLKW returned while the conflicting lock was held"
a=$(it_now)
release
wait $W || it_fail "F_SETLKW was not granted within 60 s of the release"
echo "@@IT TIME setlkw-wakeup $(awk -v a="$a" -v b="$(it_now)" 'BEGIN{printf "%.2f", b-a}')"
it_ok "blocked F_SETLKW granted after release"

: > g
hold g 0 0 f
expect 1 "flock LOCK_EX|LOCK_NB while another process holds a flock" $P try g 0 0 f
release
expect 0 "flock LOCK_EX|LOCK_NB after the holder released" $P try g 0 0 f
it_ok "flock(2) whole-file locks"
it_cleanup
