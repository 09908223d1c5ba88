# umount is clean (no busy mount, no error), and a fresh mount sees what was written before.
it_workdir umount
echo kept > f
dir=$IT_DIR
cd / || it_fail "cd /"
it_run "umount $NFS_MNT" umount "$NFS_MNT"
grep -q " $NFS_MNT " /proc/mounts && it_fail "$NFS_MNT still mounted after umount"
it_ok "umount clean"
it_run "mount again" vmc_mount
it_eq "file written before the umount" kept "$(cat "$dir/f")"
it_ok "remount sees the data"
cd "$NFS_MNT" && rm -rf "$dir" || it_fail "cleanup"
