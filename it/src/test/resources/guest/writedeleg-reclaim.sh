# A write delegation kept across a server restart: the guest opens f read-write (the server delegates it), writes 16
# bytes it neither fsyncs nor closes, and says "@@IT PHASE holding <dir>". The host restarts the server and then makes
# the directory "go" beside f. Each look for "go" is a call to the server, so the kernel meets the restarted server
# at once and reclaims its open of f, naming the write delegation it held. The host then opens f from a second
# client: the reclaimed delegation is recalled, and the kernel writes its cached bytes back before it returns it (the
# host reads them). Without the delegation back there is nothing to recall or return. The guest watches its own
# DELEGRETURN count in mountstats; the host removes f, go and the directory.
it_workdir wdreclaim
it_hold_unflushed_f
echo "@@IT PHASE holding $(basename "$IT_DIR")"
n=0
while [ ! -d go ] && [ $n -lt 3000 ]; do usleep 100000; n=$((n + 1)); done
[ -d go ] || it_fail "no directory go from the host within 300 s of holding f"
it_await_delegreturn 180 "the restart"
it_ok "the kernel reclaimed its write delegation of f across the restart and returned it when recalled"
exec 3>&-
it_mountstats
