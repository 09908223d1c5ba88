# A write delegation recalled while the kernel holds unflushed writes under it: the guest opens f read-write (the
# server delegates it), writes 16 bytes it neither fsyncs nor closes, and says "@@IT PHASE holding <dir>". The host
# then opens f from a second client: the server recalls the delegation, and the kernel must write its cached bytes
# back before it returns it (the host reads them). The guest does not touch f meanwhile (closing any descriptor of
# f would flush it): it watches its own DELEGRETURN count in mountstats. The host removes f and the directory
# once it has read f (the guest may be gone by then).
it_workdir wdrecall
opcalls() { awk -v op="$1:" '$1 == op {print $2}' /proc/self/mountstats; }
exec 3<>f || it_fail "read-write open of f"
printf 'written by guest' >&3 || it_fail "write under the delegation"
returned=$(opcalls DELEGRETURN)
echo "@@IT PHASE holding $(basename "$IT_DIR")"
n=0
while [ "$(opcalls DELEGRETURN)" = "$returned" ] && [ $n -lt 600 ]; do usleep 100000; n=$((n + 1)); done
[ "$(opcalls DELEGRETURN)" != "$returned" ] || it_fail "no DELEGRETURN within 60 s of holding f"
it_ok "the kernel returned its write delegation of f when the server recalled it"
exec 3>&-
it_mountstats
