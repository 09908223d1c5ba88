# Phase 2 of the restart test: after the server restarted, a new client sees every fsync'd byte. The expected values
# come from the host (recorded from phase 1's console) in /files/expected: "name size:md5" lines.
D=$NFS_MNT/durable-${DURABLE_TAG:?DURABLE_TAG not set}
[ -r /files/expected ] || it_fail "/files/expected missing"
while read -r name value; do
  case "$name" in
    dir-count) it_eq "files in dir" "$value" "$(ls "$D/dir" | wc -l)"
               it_eq "content of dir/s49" "small 49" "$(cat "$D/dir/s49")";;
    renamed)   [ ! -e "$D/before" ] || it_fail "the old name of a renamed file came back"
               it_eq "md5 of the renamed file" "$value" "$(it_md5 "$D/after")";;
    *)         it_eq "size of $name" "${value%%:*}" "$(it_size "$D/$name")"
               it_eq "md5 of $name" "${value#*:}" "$(it_md5 "$D/$name")";;
  esac
done < /files/expected
it_ok "phase 2: all fsync'd data is there after the restart"
rm -rf "$D" || it_fail "cleanup"
