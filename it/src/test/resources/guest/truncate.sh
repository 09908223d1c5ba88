# truncate up (a hole that reads as zeros) and down (the tail is gone, the head intact), and to zero.
it_workdir truncate
dd if=/dev/urandom of=/tmp/head bs=1000 count=1 2>/dev/null
cp /tmp/head f || it_fail "write f"
it_run "truncate up to 1 MiB" truncate -s 1048576 f
it_eq "size after truncate up" 1048576 "$(it_size f)"
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "head after truncate up" "$(it_md5 /tmp/head)" "$(head -c 1000 f | md5sum | cut -d' ' -f1)"
it_eq "tail after truncate up is zeros" "$(head -c 1047576 /dev/zero | md5sum | cut -d' ' -f1)" "$(tail -c 1047576 f | md5sum | cut -d' ' -f1)"
it_run "truncate down to 100" truncate -s 100 f
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "size after truncate down" 100 "$(it_size f)"
it_eq "head after truncate down" "$(head -c 100 /tmp/head | md5sum | cut -d' ' -f1)" "$(it_md5 f)"
it_run "truncate up again" truncate -s 200 f
it_eq "bytes 100..200 after shrink+grow are zeros" "$(head -c 100 /dev/zero | md5sum | cut -d' ' -f1)" "$(tail -c 100 f | md5sum | cut -d' ' -f1)"
it_run "truncate to 0" truncate -s 0 f
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "size after truncate to 0" 0 "$(it_size f)"
it_ok "truncate up and down"
it_cleanup
