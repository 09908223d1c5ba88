# pNFS files layout, issue #5: write PNFS_MB MiB (dd bs=1M, conv=fsync), drop caches, read it back, compare md5s.
# The data is a 32 MiB random chunk minus 1000 bytes, repeated: the period is no multiple of the 1 MiB stripe unit,
# so every stripe unit of the file differs and a unit written to or read from the wrong place changes the md5.
# Afterwards: mountstats, the client's view of its servers (/proc/fs/nfsfs/servers) and, from sock_diag
# (/files/tcpbytes), the bytes sent to and received from every server connection ("@@IT TCPBYTES dst port out in").
MB=${PNFS_MB:-256}
it_workdir pnfsbig
it_pattern $((32 * 1048576 - 1000))
want=$(it_stream $((MB * 1048576)) | md5sum | cut -d' ' -f1)
it_kv want-md5 "$want"
it_kv mem-total-kb "$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
t0=$(it_now)
it_stream $((MB * 1048576)) | dd of=big bs=1M conv=fsync 2>/dev/null || it_fail "dd write"
echo "@@IT TIME write $(awk -v a="$t0" -v b="$(it_now)" 'BEGIN{printf "%.2f", b-a}')"
it_eq "size after write" $((MB * 1048576)) "$(it_size big)"
sync; echo 3 > /proc/sys/vm/drop_caches
t0=$(it_now)
got=$(dd if=big bs=1M 2>/dev/null | md5sum | cut -d' ' -f1)
echo "@@IT TIME read $(awk -v a="$t0" -v b="$(it_now)" 'BEGIN{printf "%.2f", b-a}')"
it_eq "md5 of the read-back file after drop_caches" "$want" "$got"
it_ok "$MB MiB written and read back through pNFS, md5 $want"
it_mountstats
echo "@@IT SERVERS BEGIN"; cat /proc/fs/nfsfs/servers; echo "@@IT SERVERS END"
/files/tcpbytes | sed 's/^tcp /@@IT TCPBYTES /' || it_fail "tcpbytes"
it_cleanup
