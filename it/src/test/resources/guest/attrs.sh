# chmod, chown, touch -d: the server stores the attributes (checked with stat after the caches are dropped).
it_workdir attrs
echo x > f; mkdir d
it_run "chmod 640" chmod 640 f
it_run "chmod 2751 (setgid dir)" chmod 2751 d
it_run "chown 1234:5678" chown 1234:5678 f
it_run "chown 42 d" chown 42 d
it_run "touch -d" touch -d '2020-01-02 03:04:05' f
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "mode of f" 640 "$(stat -c %a f)"
it_eq "mode of d" 2751 "$(stat -c %a d)"
it_eq "owner of f" 1234:5678 "$(stat -c %u:%g f)"
it_eq "owner of d" 42 "$(stat -c %u d)"
it_eq "mtime of f (2020-01-02 03:04:05 UTC)" 1577934245 "$(stat -c %Y f)"
before=$(stat -c %Y d)
touch d/new
after=$(stat -c %Y d)
[ "$after" -ge "$before" ] || it_fail "directory mtime went backwards on create ($before -> $after)"
it_run "touch -d on a directory" touch -d '2001-09-09 01:46:40' d
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "mtime of d" 1000000000 "$(stat -c %Y d)"
it_ok "chmod/chown/touch"
it_cleanup
