# Create, write and read back a 100 MB file; the checksum after dropping the page cache proves the bytes went to the
# server and came back (the client cache cannot answer).
MB=${BIG_MB:-100}
it_workdir bigfile
dd if=/dev/urandom of=/tmp/src bs=1M count="$MB" 2>/dev/null || it_fail "make /tmp/src"
want=$(it_md5 /tmp/src)
it_time write dd if=/tmp/src of=big bs=1M conv=fsync 2>/dev/null
it_eq "size after write" $((MB * 1048576)) "$(it_size big)"
sync; echo 3 > /proc/sys/vm/drop_caches
it_time read dd if=big of=/tmp/back bs=1M 2>/dev/null
it_mountstats   # READ calls of the read-back alone (the checks below read with smaller requests)
it_eq "md5 of the read-back file" "$want" "$(it_md5 /tmp/back)"
it_ok "100 MB write/read md5 $want"
# an overwrite in the middle (not at the end) must land too
dd if=/dev/urandom of=/tmp/patch bs=4096 count=3 2>/dev/null
dd if=/tmp/patch of=big bs=4096 seek=1000 conv=notrunc,fsync 2>/dev/null || it_fail "patch write"
dd if=/tmp/patch of=/tmp/src bs=4096 seek=1000 conv=notrunc 2>/dev/null
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "md5 after a 12 KiB overwrite at 4000 KiB" "$(it_md5 /tmp/src)" "$(it_md5 big)"
it_eq "size after the overwrite" $((MB * 1048576)) "$(it_size big)"
it_ok "in-place overwrite"
rm -f /tmp/src /tmp/back
it_cleanup
