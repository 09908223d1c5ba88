# pNFS files layout, issue #5: truncate (shrink and grow) and remove while another process writes the file through
# pNFS, and two processes with the same file open for write at once. Meanwhile the host recalls the layouts it sees
# (CB_LAYOUTRECALL through the control channel), so the writes also cross layout recalls and fresh LAYOUTGETs.
# Every write is of 1 MiB blocks of /tmp/pat (PNFS_RACE_MB MiB of random data): after the races, each block of a
# file must be either pattern block i or zeros (a hole from a shrink+grow), never anything else.
MB=${PNFS_RACE_MB:-32}
it_workdir pnfsrace
head -c $((MB * 1048576)) /dev/urandom > /tmp/pat || it_fail "make /tmp/pat"
ZERO=$(head -c 1048576 /dev/zero | md5sum | cut -d' ' -f1)
blockmd5() { dd if="$1" bs=1M skip="$2" count=1 2>/dev/null | md5sum | cut -d' ' -f1; }
# settle: wait (bounded) until FILE has at least N bytes, so the race happens mid-write
grown() { n=0; while [ "$(stat -c %s "$1" 2>/dev/null || echo 0)" -lt "$2" ] && [ $n -lt 600 ]; do
  usleep 50000; n=$((n + 1)); done; }
race_fail() { it_mountstats; dmesg | grep -i nfs | tail -20; it_fail "$@"; }
dropcaches() { sync; echo 3 > /proc/sys/vm/drop_caches; }

# 1. truncate shrink/grow while a writer streams the file (one block per write, fsync at the end)
it_mark() { echo "@@IT TIME $1 $(awk -v a="$T0" -v b="$(it_now)" 'BEGIN{printf "%.2f", b-a}')"; T0=$(it_now); }
T0=$(it_now)
# one fsync'd 1 MiB block at a time (busybox dd has no oflag=dsync): each block is on the data servers before the
# next is written, so the truncations land mid-write rather than in the page cache
blocks() { i=0; while [ $i -lt "$MB" ]; do
  dd if=/tmp/pat of="$1" bs=1M skip=$i seek=$i count=1 conv=notrunc,fsync || exit 1; i=$((i + 1)); done; }
blocks t 2>/tmp/err.t & w=$!
grown t 2097152
for s in 1048576 $((MB * 1048576 + 5 * 1048576)) 3145728 $((MB * 524288)) 0 7340032; do
  truncate -s "$s" t || it_fail "truncate -s $s while writing"
  usleep 20000
done
# whether the writer still had blocks to write after the last truncation: then some must have survived as data
if kill -0 $w 2>/dev/null; then midwrite=yes; else midwrite=no; fi
it_kv truncated-mid-write $midwrite
wait $w || race_fail "writer of t failed while the file was truncated: $(cat /tmp/err.t)"
truncate -s $((MB * 1048576)) t || it_fail "final truncate to $MB MiB"
dropcaches
it_eq "size of t after the race" $((MB * 1048576)) "$(it_size t)"
data=0; zero=0; i=0
while [ $i -lt "$MB" ]; do
  got=$(blockmd5 t $i)
  if [ "$got" = "$(blockmd5 /tmp/pat $i)" ]; then data=$((data + 1));
  elif [ "$got" = "$ZERO" ]; then zero=$((zero + 1));
  else it_fail "block $i of t is neither pattern block $i nor zeros after truncate-while-writing"; fi
  i=$((i + 1))
done
[ "$midwrite" = no ] || [ "$data" -gt 0 ] || it_fail "the writer outlived the truncations, yet no block holds its data"
it_kv truncate-data-blocks $data
it_kv truncate-zero-blocks $zero
it_mark truncate-race
it_ok "truncate shrink/grow during pNFS writes: $data data blocks, $zero zero blocks, nothing else"
# the file is still fully writable through pNFS afterwards
dd if=/tmp/pat of=t bs=1M conv=notrunc,fsync 2>/dev/null || it_fail "rewrite of t"
dropcaches
it_eq "md5 of t rewritten after the race" "$(it_md5 /tmp/pat)" "$(it_md5 t)"
it_mark rewrite
it_ok "rewrite after truncate race"

# 2. remove while a writer has the file open and streams into it (the client silly-renames it until close)
(exec 3>r; i=0; while [ $i -lt "$MB" ]; do
  dd if=/tmp/pat bs=1M skip=$i count=1 conv=fsync >&3 || exit 1; i=$((i + 1)); done) 2>/tmp/err.r & w=$!
grown r 2097152
rm r || it_fail "rm r while writing"
[ ! -e r ] || it_fail "r still visible after rm"
wait $w || race_fail "writer of removed file r failed: $(cat /tmp/err.r)"
n=0; while ls -A | grep -q '^\.nfs' && [ $n -lt 100 ]; do usleep 100000; n=$((n + 1)); done
left=$(ls -A | grep -v '^t$' | tr '\n' ' ')
it_eq "entries left after the removed file's writer closed" "" "$left"
it_mark remove-race
it_ok "remove during pNFS writes: the writer finished, nothing left"

# 3. two processes have the same file open for write at once: even blocks from one, odd from the other
half() { i=$1; while [ $i -lt "$MB" ]; do
  dd if=/tmp/pat of=s bs=1M skip=$i seek=$i count=1 conv=notrunc 2>/dev/null || exit 1; i=$((i + 2)); done; }
: > s
half 0 & a=$!
half 1 & b=$!
wait $a || it_fail "even-block writer failed"
wait $b || it_fail "odd-block writer failed"
dropcaches
it_eq "md5 of s written by two concurrent openers" "$(it_md5 /tmp/pat)" "$(it_md5 s)"
it_mark two-openers
it_ok "two concurrent writers of one file through pNFS"
rm -f /tmp/pat
it_mountstats
/files/tcpbytes | sed 's/^tcp /@@IT TCPBYTES /' || it_fail "tcpbytes"
it_cleanup
