# The harness mounted the export with vers=4.1: the kernel negotiated NFSv4.1 with sessions, and simple I/O works.
m=$(grep " $NFS_MNT " /proc/mounts) || it_fail "$NFS_MNT is not mounted"
case "$m" in *" nfs4 "*vers=4.1*) it_ok "mounted: $m";; *) it_fail "not an NFSv4.1 mount: $m";; esac
grep -q 'sessions' /proc/self/mountstats || it_fail "mountstats shows no sessions capability"
it_ok "sessions negotiated"
it_workdir mount41
echo hello > f || it_fail "create f"
it_eq "content of f" hello "$(cat f)"
it_cleanup
it_ok "create/read/remove"
it_mountstats
