# Two writers on different files at the same time; both files read back intact.
it_workdir twowriters
dd if=/dev/urandom of=/tmp/a bs=1M count=40 2>/dev/null
dd if=/dev/urandom of=/tmp/b bs=1M count=40 2>/dev/null
dd if=/tmp/a of=fa bs=64k conv=fsync 2>/dev/null &
pa=$!
dd if=/tmp/b of=fb bs=64k conv=fsync 2>/dev/null &
pb=$!
wait $pa || it_fail "writer A failed"
wait $pb || it_fail "writer B failed"
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "md5 of fa" "$(it_md5 /tmp/a)" "$(it_md5 fa)"
it_eq "md5 of fb" "$(it_md5 /tmp/b)" "$(it_md5 fb)"
it_ok "two concurrent writers"
rm -f /tmp/a /tmp/b
it_cleanup
