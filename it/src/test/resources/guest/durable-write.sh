# Phase 1 of the restart test: write files of several sizes, fsync each, and report their checksums (@@IT KV) for the
# host, which restarts the server and runs durable-verify.sh against what it recorded.
D=$NFS_MNT/durable-${DURABLE_TAG:?DURABLE_TAG not set}
rm -rf "$D"; mkdir -p "$D/dir" || it_fail "mkdir $D"
for spec in one:1 page:4096 odd:12345 mid:3145728 big:20971520; do
  name=${spec%%:*}; size=${spec#*:}
  head -c "$size" /dev/urandom > /tmp/$name
  dd if=/tmp/$name of="$D/$name" bs=1M conv=fsync 2>/dev/null || it_fail "write $name"
  it_kv "$name" "$size:$(it_md5 /tmp/$name)"
done
i=0; while [ $i -lt 50 ]; do echo "small $i" > "$D/dir/s$i"; i=$((i + 1)); done
sync -f "$D/dir" || it_fail "syncfs"
it_kv dir-count 50
echo renamed > "$D/before" && mv "$D/before" "$D/after" && sync -f "$D" || it_fail "rename"
it_kv renamed "$(it_md5 "$D/after")"
it_ok "phase 1 written and fsync'd"
