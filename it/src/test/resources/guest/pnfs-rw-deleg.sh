# pNFS under a write delegation: the guest writes PNFS_MB MiB through a read-write descriptor (an open the server
# answers with a write delegation), so the kernel's WRITEs to the data servers carry the delegation stateid, which
# the data servers must take. Then drop caches and compare md5s. The chunk period is no multiple of the stripe unit.
MB=${PNFS_MB:-32}
it_workdir pnfsrwdeleg
it_pattern $((8 * 1048576 - 1000))
want=$(it_stream $((MB * 1048576)) | md5sum | cut -d' ' -f1)
: > f || it_fail "create f"
exec 3<>f || it_fail "read-write open of f"
it_stream $((MB * 1048576)) >&3 || it_fail "write through the read-write descriptor"
exec 3>&-
it_eq "size after write" $((MB * 1048576)) "$(it_size f)"
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "md5 of the read-back file after drop_caches" "$want" "$(it_md5 f)"
it_ok "$MB MiB written through a read-write descriptor and read back, md5 $want"
it_mountstats
it_cleanup
