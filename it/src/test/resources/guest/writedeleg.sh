# Read-write opens of a file no other client uses run under a write delegation: after the first, the kernel opens
# the file locally, without an OPEN to the server, and what it wrote before each close is on the server.
it_workdir writedeleg
echo start > f || it_fail "create f"
exec 3<>f || it_fail "first read-write open"
echo first >&3
exec 3>&-
before=$(it_opcalls OPEN)
i=0
while [ $i -lt 50 ]; do
  exec 3<>f || it_fail "read-write open $i"
  echo "line $i" >&3
  exec 3>&-
  i=$((i + 1))
done
after=$(it_opcalls OPEN)
it_kv rw-reopens 50
it_kv open-calls $((after - before))
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "content after 50 read-write rewrites" "line 49" "$(cat f)"
it_cleanup
it_ok "read-write reopens"
