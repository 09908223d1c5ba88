# pNFS files layout, issue #5: a data server becomes unreachable in the middle of a write (the host makes its port
# answer every segment with a TCP reset, as a stopped server's host would). The client must carry on (RFC 8881
# section 13.11: fall back to I/O through the MDS) and every fsync'd byte must read back intact.
# Env: PNFS_MB file size (MiB), LOSS_ADDR/LOSS_PORT the data server the host cuts. The guest writes 4 MiB chunks,
# each fsync'd ("@@IT ACKED <MiB>"), prints "@@IT PHASE cut" after the first quarter and waits (bounded) until the
# data server refuses connections, then writes the rest.
MB=${PNFS_MB:-64}
it_workdir pnfsloss
head -c $((MB * 1048576)) /dev/urandom > /tmp/pat || it_fail "make /tmp/pat"
chunk() { dd if=/tmp/pat of=f bs=1M skip="$1" seek="$1" count=4 conv=notrunc,fsync 2>/tmp/err || \
  it_fail "write of MiB $1..$(($1 + 4)) failed: $(cat /tmp/err)"; echo "@@IT ACKED $(($1 + 4))"; }
/files/tcpbytes connect "$LOSS_ADDR" "$LOSS_PORT" || it_fail "data server $LOSS_ADDR:$LOSS_PORT unreachable before the cut"
k=0
while [ $k -lt $((MB / 4)) ]; do chunk $k; k=$((k + 4)); done
echo "@@IT PHASE cut"
n=0
while /files/tcpbytes connect "$LOSS_ADDR" "$LOSS_PORT" && [ $n -lt 300 ]; do usleep 100000; n=$((n + 1)); done
/files/tcpbytes connect "$LOSS_ADDR" "$LOSS_PORT" && it_fail "the host did not cut $LOSS_ADDR:$LOSS_PORT within 30 s"
it_ok "data server $LOSS_ADDR:$LOSS_PORT refuses connections; writing on"
t0=$(it_now)
while [ $k -lt "$MB" ]; do chunk $k; k=$((k + 4)); done
echo "@@IT TIME write-after-cut $(awk -v a="$t0" -v b="$(it_now)" 'BEGIN{printf "%.2f", b-a}')"
sync; echo 3 > /proc/sys/vm/drop_caches
t0=$(it_now)
got=$(it_md5 f)
echo "@@IT TIME read-after-cut $(awk -v a="$t0" -v b="$(it_now)" 'BEGIN{printf "%.2f", b-a}')"
it_eq "size of f" $((MB * 1048576)) "$(it_size f)"
it_eq "md5 of f, written before and after the data server was cut, read back after drop_caches" "$(it_md5 /tmp/pat)" "$got"
it_ok "every fsync'd MiB intact after losing a data server"
it_mountstats
dmesg | grep -i "nfs\|rpc" | tail -10
/files/tcpbytes | sed 's/^tcp /@@IT TCPBYTES /'
it_cleanup
