#!/usr/bin/env bash
# wire-times.sh - how long a server takes per call, seen on the wire: a kernel client (the UML guest of
# it/scripts/run-uml.sh) creates N small files (echo > f$i), lists them (ls -l) and removes them (rm -r) against
# SERVER:PORT's EXPORT while tcpdump captures the server's port; then, for each kind of COMPOUND, the time from the
# request's last packet to the reply's first, as median and 90th percentile. The guest's own time (most of a
# serial client's call) is left out, so two servers or two builds can be told apart by a few microseconds per call.
# A compound is named by its operations other than SEQUENCE, PUTFH, GETFH and GETATTR (GETATTR when it has no
# other), e.g. OPEN+ACCESS+LAYOUTGET.
#
# usage: bench/scripts/wire-times.sh [--files N] [--timeout SEC] [--keep DIR] SERVER:PORT EXPORT
#   --files N    files to create, list and remove (default 2000)
#   --keep DIR   keep the capture (wire.pcap) and the guest's console there
# Output: the guest's own timings (`guest creates S ls S rm S`), then one line per compound kind:
#   wire-times server=HOST:PORT compound=LOOKUP n=2000 median_us=41 p90_us=84
# needs: root (UML tap and capture); installs tcpdump and tshark with apt-get when missing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FILES=2000
TIMEOUT=900
KEEP=
while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "wire-times: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || { echo "usage: wire-times.sh [--files N] [--timeout SEC] [--keep DIR] SERVER:PORT EXPORT" >&2; exit 2; }
SERVER=$1
EXPORT=$2
PORT=${SERVER##*:}
case "$FILES" in ''|*[!0-9]*) echo "wire-times: --files wants a count, not '$FILES'" >&2; exit 2 ;; esac

if ! command -v tcpdump >/dev/null || ! command -v tshark >/dev/null; then
  echo "wire-times: installing tcpdump and tshark" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q tcpdump tshark >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/wire-times.XXXXXX")
capture=
cleanup() {
  [ -z "$capture" ] || kill "$capture" 2>/dev/null || true
  if [ -n "$KEEP" ]; then mkdir -p "$KEEP" && cp "$work"/* "$KEEP"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/guest.sh" <<'GUEST'
t() { cut -d' ' -f1 /proc/uptime; }
el() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b-a}'; }
fail() { echo "@@WIRE-FAIL $*"; exit 1; }
D=wire-times-$(hostname)
mkdir "$D" || fail "mkdir $D"
cd "$D"
a=$(t); i=0; while [ $i -lt "$FILES" ]; do echo "file $i" > "f$i" || fail "create f$i"; i=$((i + 1)); done; b=$(t)
c=$(t); n=$(ls -l | grep -c '^-'); d=$(t)
[ "$n" = "$FILES" ] || fail "ls -l listed $n files, want $FILES"
cd ..; e=$(t); rm -r "$D" || fail "rm -r"; f=$(t)
echo "@@WIRE guest creates $(el "$a" "$b") ls $(el "$c" "$d") rm $(el "$e" "$f")"
GUEST

tcpdump -i any -s 512 -w "$work/wire.pcap" "tcp port $PORT" >/dev/null 2>"$work/tcpdump.log" &
capture=$!
sleep 1
rc=0
bash "$root/it/scripts/run-uml.sh" -s "$SERVER" -x "$EXPORT" -t "$TIMEOUT" -e "FILES=$FILES" "$work/guest.sh" \
  > "$work/console.log" 2>&1 || rc=$?
sleep 1
kill "$capture" 2>/dev/null || true
wait "$capture" 2>/dev/null || true
capture=
if [ "$rc" != 0 ]; then
  echo "wire-times: guest run failed (rc $rc): $(tr -d '\r' < "$work/console.log" | grep -E '@@WIRE-FAIL|@@VMC ERROR' | tr '\n' ' ')" >&2
  exit 1
fi
tr -d '\r' < "$work/console.log" | sed -n 's/.*@@WIRE \(guest .*\)$/\1/p'

# One line per call and reply: epoch time, xid, message type (0 call, 1 reply), opcodes of a call.
tshark -r "$work/wire.pcap" -d "tcp.port==$PORT,rpc" -Y "rpc.program==100003 && rpc.procedure==1" -T fields \
    -e frame.time_epoch -e rpc.xid -e rpc.msgtyp -e nfs.opcode -E occurrence=a -E separator=' ' 2>/dev/null |
awk -v server="$SERVER" '
BEGIN {
  split("ACCESS CLOSE COMMIT CREATE DELEGPURGE DELEGRETURN GETATTR GETFH LINK LOCK LOCKT LOCKU LOOKUP LOOKUPP " \
        "NVERIFY OPEN OPENATTR OPEN_CONFIRM OPEN_DOWNGRADE PUTFH PUTPUBFH PUTROOTFH READ READDIR READLINK REMOVE " \
        "RENAME RENEW RESTOREFH SAVEFH SECINFO SETATTR SETCLIENTID SETCLIENTID_CONFIRM VERIFY WRITE " \
        "RELEASE_LOCKOWNER BACKCHANNEL_CTL BIND_CONN_TO_SESSION EXCHANGE_ID CREATE_SESSION DESTROY_SESSION " \
        "FREE_STATEID GET_DIR_DELEGATION GETDEVICEINFO GETDEVICELIST LAYOUTCOMMIT LAYOUTGET LAYOUTRETURN " \
        "SECINFO_NO_NAME SEQUENCE SET_SSV TEST_STATEID WANT_DELEGATION DESTROY_CLIENTID RECLAIM_COMPLETE", names, " ")
}
$3 == 0 {
  n = split($4, ops, ","); key = ""
  for (i = 1; i <= n; i++) {
    name = names[ops[i] - 2]; if (name == "") name = "OP" ops[i]
    if (name != "SEQUENCE" && name != "PUTFH" && name != "GETFH" && name != "GETATTR") key = key (key == "" ? "" : "+") name
  }
  if (key == "") key = "GETATTR"
  start[$2] = $1; kind[$2] = key
}
$3 == 1 && ($2 in start) { printf "%s %.0f\n", kind[$2], ($1 - start[$2]) * 1e6; delete start[$2] }
' | sort -k1,1 -k2,2n | awk -v server="$SERVER" '
{ v[$1, ++c[$1]] = $2 }
END {
  for (k in c) {
    n = c[k]; p90 = int(n * 0.9); if (p90 < 1) p90 = 1
    printf "wire-times server=%s compound=%s n=%d median_us=%d p90_us=%d\n", server, k, n, v[k, int((n + 1) / 2)], v[k, p90]
  }
}' | sort -t= -k4,4nr
