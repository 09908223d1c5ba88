# A write delegation recalled while the kernel holds unflushed writes under it: the guest opens f read-write (the
# server delegates it), writes 16 bytes it neither fsyncs nor closes, and says "@@IT PHASE holding <dir>". The host
# then opens f from a second client: the server recalls the delegation, and the kernel must write its cached bytes
# back before it returns it (the host reads them). The guest does not touch f meanwhile (closing any descriptor of
# f would flush it): it watches its own DELEGRETURN count in mountstats. The host removes f and the directory
# once it has read f (the guest may be gone by then).
it_workdir wdrecall
it_hold_unflushed_f
echo "@@IT PHASE holding $(basename "$IT_DIR")"
it_await_delegreturn 60 "holding f"
it_ok "the kernel returned its write delegation of f when the server recalled it"
exec 3>&-
it_mountstats
