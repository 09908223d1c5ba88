# Small files on a pNFS export: the guest creates SMALL_FILES one-line files (`echo > f`, the kernel sends a
# LAYOUTGET inside each OPEN), reads them back, lists and removes them. Files below the mdsthreshold go through the
# MDS, so the server refuses those layouts and nothing of pNFS remains: no layouts, no recalls, no LAYOUTRETURN.
N=${SMALL_FILES:-200}
it_workdir pnfssmall
i=0
while [ $i -lt "$N" ]; do echo "small $i" > "f$i" || it_fail "create f$i"; i=$((i + 1)); done
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "files listed" "$N" "$(ls | wc -l)"
it_eq "content of the last file" "small $((N - 1))" "$(cat "f$((N - 1))")"
it_eq "content of the first file" "small 0" "$(cat f0)"
rm f* || it_fail "rm of the small files"
it_eq "files left" 0 "$(ls | wc -l)"
it_ok "$N small files created, read back and removed"
it_mountstats
it_cleanup
