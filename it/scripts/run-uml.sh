#!/bin/bash
# Copied from the team's shared/vm-client/uml/run-uml.sh (our own harness) and adapted for the it module:
# + an LD_PRELOAD shim (uml-xstate-shim.c, built here with gcc) so that UML 6.1 runs on AVX-512/AMX hosts;
# + the guest RAM file stays in /dev/shm whatever TMPDIR says (UMLCLIENT_MEMDIR); a short uml_dir (pid file);
# + the guest's glibc keeps off AVX-512 (GLIBC_TUNABLES).
#
# run-uml.sh - run a real Linux NFSv4.x client in User-Mode Linux (Debian
# package user-mode-linux, 6.1um) with a busybox initramfs, mount an NFS server
# on this host, run a guest shell script against the mount, stream the console,
# and exit with the guest script's exit status. Same interface as
# ../vm-client/run-guest.sh where it makes sense; no emulation, so I/O runs at
# several hundred MB/s instead of 14-60 MB/s.
#
# usage: run-uml.sh [options] GUEST_SCRIPT      (GUEST_SCRIPT "-" = read stdin)
#   -s, --server HOST:PORT   NFS server as seen from the HOST (default 127.0.0.1:2049).
#                            The guest talks to the host end of a per-run tap
#                            device (10.77.N.1/24, guest 10.77.N.2). For
#                            127.0.0.1/localhost, an nft DNAT rule sends
#                            10.77.N.1:PORT to 127.0.0.1:PORT, so a server bound
#                            to 127.0.0.1 only works too (see --no-dnat).
#   -x, --export PATH        export path to mount (default /)
#   -o, --opts OPTS          mount options (default vers=4.1); addr=,port=,clientaddr=
#                            are added automatically
#   -m, --mnt DIR            mount point in the guest (default /mnt/nfs)
#       --no-mount           do not mount; the guest script mounts itself
#                            (helper: vmc_mount [OPTS] [EXPORT] [DIR])
#   -e, --env KEY=VAL        export KEY=VAL to the guest script (repeatable)
#   -f, --file SRC[:DST]     copy a host file into the guest (default DST
#                            /files/<basename>; repeatable; mode is kept)
#       --append ARGS        extra kernel command line (e.g. nfs.debug / sunrpc.*)
#   -t, --timeout SEC        hard wall-clock limit (default 300)
#       --mem MB             guest memory (default 1024; UML has 1 CPU)
#       --dnat | --no-dnat   force / skip the DNAT rule (default: on when HOST is
#                            loopback and nft is installed; apt-get install nftables).
#                            Without it the server must listen on 0.0.0.0 or 10.77.N.1.
#       --also-port PORT     one more loopback server the guest reaches at the same
#                            address ($NFS_ADDR) with the DNAT rule (repeatable), e.g.
#                            a second NFS server the guest script mounts itself
#   -v, --verbose            full kernel boot log on the console
#       --rebuild            rebuild the cached initramfs
# env: UMLCLIENT_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/uml-client)
#      UMLCLIENT_LOG      also copy the console to this file
#      UMLCLIENT_UML      UML binary (default /usr/bin/linux.uml)
#      UMLCLIENT_SUBNET   first two octets of the per-run tap /24 (default 10.77)
#      UMLCLIENT_DNAT_EXTRA ADDR:P1,P2,... more loopback ports the guest reaches at ADDR (pNFS data servers)
#      UMLCLIENT_XSTATE_SHIM  1 (default): preload uml-xstate-shim.so (see that file); 0: run UML as is
# needs: root (CAP_NET_ADMIN for ip tuntap / nft), /dev/net/tun, iproute2.
# exit: guest script rc; 124 = timeout; 125 = harness/boot/mount failure.
set -euo pipefail

SERVER=127.0.0.1:2049
EXPORT=/
OPTS=vers=4.1
MNT=/mnt/nfs
DO_MOUNT=1
TIMEOUT=300
MEM=1024
DNAT=auto
VERBOSE=0
REBUILD=0
ENVS=()
FILES=()
XAPPEND=
SCRIPT=
ALSO_PORTS=()

die() { echo "run-uml: $*" >&2; exit 125; }
while [ $# -gt 0 ]; do
  case "$1" in
    -s|--server) SERVER=$2; shift 2;;
    -x|--export) EXPORT=$2; shift 2;;
    -o|--opts) OPTS=$2; shift 2;;
    -m|--mnt) MNT=$2; shift 2;;
    --no-mount) DO_MOUNT=0; shift;;
    -e|--env) ENVS+=("$2"); shift 2;;
    -f|--file) FILES+=("$2"); shift 2;;
    --append) XAPPEND=$2; shift 2;;
    -t|--timeout) TIMEOUT=$2; shift 2;;
    --mem) MEM=$2; shift 2;;
    --dnat) DNAT=1; shift;;
    --no-dnat) DNAT=0; shift;;
    --also-port) case "${2:-}" in ''|*[!0-9]*) die "--also-port needs a port number, not '${2:-}'";; esac
                 ALSO_PORTS+=("$2"); shift 2;;
    --cpus|--boot) shift 2;;                 # run-guest.sh options without meaning here
    --kvm|--no-kvm|--tcg) shift;;
    -v|--verbose) VERBOSE=1; shift;;
    --rebuild) REBUILD=1; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    -) SCRIPT=-; shift; [ $# -eq 0 ] || die "extra arguments after script: $*";;
    -*) die "unknown option $1";;
    *) SCRIPT=$1; shift; [ $# -eq 0 ] || die "extra arguments after script: $*";;
  esac
done
[ -n "$SCRIPT" ] || die "no guest script given (see --help)"
[ "$SCRIPT" = - ] || [ -r "$SCRIPT" ] || die "cannot read guest script $SCRIPT"
UML=${UMLCLIENT_UML:-/usr/bin/linux.uml}
[ -x "$UML" ] || die "$UML missing: apt-get install -y user-mode-linux"
[ -c /dev/net/tun ] || die "/dev/net/tun missing"
command -v ip >/dev/null || die "ip (iproute2) missing"

CACHE=${UMLCLIENT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/uml-client}
mkdir -p "$CACHE"

# ---------------------------------------------------------------- guest /init
# Kept in this file so that a change to it changes the cache key.
read -r -d '' GUEST_INIT <<'INIT_EOF' || true
#!/bin/sh
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null   # CONFIG_DEVTMPFS_MOUNT may have done it
mkdir -p /dev/pts /dev/shm && mount -t devpts devpts /dev/pts
mount -t tmpfs -o size=80% tmpfs /tmp
up() { cut -d' ' -f1 /proc/uptime; }
say() { echo "@@VMC $*"; }
fin() { # fin RC: report, unmount, power off (never returns)
  echo; say "EXIT rc=$1 uptime=$(up)"   # leading newline: guest output may lack one
  cd /
  for m in $(awk '$3 ~ /^nfs/ {print $2}' /proc/mounts | sort -r); do
    timeout 10 umount "$m" 2>/dev/null || echo "@@VMC WARN umount $m failed"
  done
  timeout 10 sync
  poweroff -f
  sleep 10
}
. /vmc.conf
say "BOOT uptime=$(up) kernel=$(uname -r)"
hostname "$VMC_HOSTNAME"
modprobe nfsv4 || { say "ERROR modprobe nfsv4 failed"; fin 125; }
ip link set lo up
ip link set "$VMC_IF" up
ip addr add "$VMC_IP/24" dev "$VMC_IF"
ip route add default via "$VMC_GW"
say "NET uptime=$(up)"

. /vmc-lib.sh
export NFS_ADDR NFS_PORT NFS_EXPORT NFS_OPTS NFS_MNT VMC_IP VMC_GW
if [ "$DO_MOUNT" = 1 ]; then
  if ! vmc_mount; then
    say "ERROR mount failed: $NFS_ADDR:$NFS_PORT $NFS_EXPORT ($NFS_OPTS)"
    dmesg | tail -20
    fin 125
  fi
  say "MOUNTED uptime=$(up) $(grep " $NFS_MNT " /proc/mounts)"
fi
# Only the guest shell has its cwd on the mount (not /init), so the guest
# script can umount/remount $NFS_MNT after a cd /.
if [ "$DO_MOUNT" = 1 ]; then VMC_CWD=$NFS_MNT; else VMC_CWD=/; fi
VMC_CWD=$VMC_CWD sh -c 'cd "$VMC_CWD"; unset VMC_CWD; . /vmc-lib.sh; . /guest.sh' guest < /dev/null
fin $?
INIT_EOF

read -r -d '' GUEST_LIB <<'LIB_EOF' || true
# sourced by /init and by the guest shell before the guest script
# vmc_mount [OPTS] [EXPORT] [DIR]: NFSv4 mount via busybox mount(8), which hands
# the option string to the kernel's text parser (needs addr=, no mount.nfs).
vmc_mount() {
  _o=${1:-$NFS_OPTS}; _e=${2:-$NFS_EXPORT}; _d=${3:-$NFS_MNT}
  mkdir -p "$_d"
  mount -t nfs4 -o "$_o,addr=$NFS_ADDR,port=$NFS_PORT,clientaddr=$VMC_IP" "$NFS_ADDR:$_e" "$_d"
}
vmc_uptime() { cut -d' ' -f1 /proc/uptime; }
LIB_EOF

# ------------------------------------------------ busybox + UML modules (cached)
build_initramfs() {
  local d=$CACHE/debs bdeb key work kv K BB R m all
  mkdir -p "$d"
  if ! ls "$d"/busybox-static_*.deb >/dev/null 2>&1; then
    (cd "$d" && apt-get -q -o APT::Sandbox::User=root download busybox-static) >&2 || die "apt-get download busybox-static failed (apt-get update?)"
  fi
  bdeb=$(ls "$d"/busybox-static_*.deb | head -1)
  kv=$("$UML" --version 2>/dev/null | head -1)
  K=/usr/lib/uml/modules/$kv
  [ -f "$K/modules.dep" ] || die "no UML modules in $K (user-mode-linux package broken?)"
  key=$( { basename "$bdeb"; echo "$kv"; stat -c %s.%Y "$UML"; echo "$GUEST_INIT"; echo "$GUEST_LIB"; echo v1; } | sha256sum | cut -c1-16)
  IMG=$CACHE/img-$key
  if [ "$REBUILD" = 0 ] && [ -s "$IMG/initrd.cpio.gz" ] && [ -x "$IMG/busybox" ]; then return; fi
  echo "run-uml: building initramfs in $IMG" >&2
  rm -rf "$IMG.tmp"; mkdir -p "$IMG.tmp/bb"; work=$IMG.tmp
  dpkg -x "$bdeb" "$work/bb"
  BB=$work/bb/bin/busybox
  R=$work/root
  mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,mnt,root,etc,lib/modules/$kv}
  cp "$BB" "$R/bin/busybox"
  for m in $("$BB" --list); do
    [ "$m" = busybox ] || ln -sf busybox "$R/bin/$m"
  done
  ln -sf ../bin/busybox "$R/sbin/modprobe"   # kernel request_module() helper
  ln -sf ../bin/busybox "$R/sbin/poweroff"
  # nfsv4 + pNFS file/flexfiles layouts + their modules.dep closure (8+2 .ko, ~6 MB)
  all=""
  for m in kernel/fs/nfs/nfsv4.ko kernel/fs/nfs/filelayout/nfs_layout_nfsv41_files.ko \
           kernel/fs/nfs/flexfilelayout/nfs_layout_flexfiles.ko; do
    [ -e "$K/$m" ] || die "module $m not in $K"
    all="$all $m $(grep "^$m:" "$K/modules.dep" | cut -d: -f2)"
  done
  for m in $(printf '%s\n' $all | sort -u); do
    mkdir -p "$R/lib/modules/$kv/$(dirname "$m")"
    cp "$K/$m" "$R/lib/modules/$kv/$m"
  done
  cp "$K/modules.builtin" "$R/lib/modules/$kv/"
  "$BB" depmod -b "$R" "$kv"
  printf '%s\n' "$GUEST_INIT" > "$R/init"; chmod 755 "$R/init"
  printf '%s\n' "$GUEST_LIB" > "$R/vmc-lib.sh"
  echo "root:x:0:0:root:/root:/bin/sh" > "$R/etc/passwd"
  echo "root:x:0:" > "$R/etc/group"
  (cd "$R" && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort | "$BB" cpio -o -H newc -R 0:0 2>/dev/null) | gzip -1 > "$work/initrd.cpio.gz"
  # an uncompressed cpio appended after a gzip'd one must start 4-byte aligned
  local sz; sz=$(stat -c %s "$work/initrd.cpio.gz")
  head -c $(( (512 - sz % 512) % 512 )) /dev/zero >> "$work/initrd.cpio.gz"
  cp "$BB" "$work/busybox"
  rm -rf "$work/bb" "$R"
  rm -rf "$IMG"; mv "$work" "$IMG"
}
build_initramfs

# UML 6.1 cannot restore FPU state on hosts with a large XSAVE area (AVX-512/AMX): it panics at the first context
# switch ("ptrace set fp regs failed, errno = 14"). The shim fixes that from outside; built once per source.
PRELOAD=
build_shim() {
  local src here key so
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  src=$here/uml-xstate-shim.c
  [ -r "$src" ] || die "$src missing"
  command -v gcc >/dev/null || die "gcc missing (needed for uml-xstate-shim.so): apt-get install -y gcc libc6-dev"
  key=$(sha256sum < "$src" | cut -c1-16)
  so=$CACHE/uml-xstate-shim-$key.so
  if [ ! -s "$so" ]; then
    gcc -shared -fPIC -O2 -o "$so.tmp.$$" "$src" -ldl 2>"$CACHE/shim-build.err" || die "building $so failed: $(cat "$CACHE/shim-build.err")"
    mv "$so.tmp.$$" "$so"
  fi
  PRELOAD=$so
}
[ "${UMLCLIENT_XSTATE_SHIM:-1}" = 0 ] || build_shim

# ----------------------------------------------------------------- per-run state
RUN=$(mktemp -d "${TMPDIR:-/tmp}/uml-run.XXXXXX")
TAP= ; NFT_TABLE= ; LOCKFD= ; UMLDIR=
cleanup() {  # also reached on INT/TERM: never leave a UML or a tap behind
  local p
  if [ -s "$RUN/uml.pid" ]; then
    p=$(cat "$RUN/uml.pid")
    kill "$p" 2>/dev/null && sleep 0.5 && kill -9 "$p" 2>/dev/null || true
  fi
  [ -z "$NFT_TABLE" ] || nft delete table ip "$NFT_TABLE" 2>/dev/null || true
  [ -z "$TAP" ] || ip link del "$TAP" 2>/dev/null || true
  rm -rf "$RUN"
  [ -z "$UMLDIR" ] || rm -rf "$UMLDIR"
}
trap cleanup EXIT
trap 'exit 130' INT; trap 'exit 143' TERM HUP

host=${SERVER%:*}; port=${SERVER##*:}
[ "$host" != "$SERVER" ] || port=2049
# claim a free /24 (flock per index; released automatically when we die)
SUB=${UMLCLIENT_SUBNET:-10.77}
LOCKDIR=/run/lock/uml-client
mkdir -p "$LOCKDIR" 2>/dev/null && [ -w "$LOCKDIR" ] || { LOCKDIR=$CACHE/lock; mkdir -p "$LOCKDIR"; }
N=
for n in $(seq 1 250); do
  exec {LOCKFD}>"$LOCKDIR/$n.lock"
  if flock -n "$LOCKFD"; then N=$n; break; fi
  exec {LOCKFD}>&-
done
[ -n "$N" ] || die "no free tap index"
TAP=umlc$N
ip link del "$TAP" 2>/dev/null || true        # stale one from a killed run
ip tuntap add dev "$TAP" mode tap 2>"$RUN/ip.err" || { TAP=; die "ip tuntap add failed (root/CAP_NET_ADMIN needed): $(cat "$RUN/ip.err")"; }
ip addr add "$SUB.$N.1/24" dev "$TAP"
ip link set "$TAP" up
GW=$SUB.$N.1; GIP=$SUB.$N.2; GIF=vec0
case "$host" in
  127.0.0.1|localhost|::1|"")
    host=$GW
    if [ "$DNAT" = auto ]; then if command -v nft >/dev/null; then DNAT=1; else DNAT=0; fi; fi;;
  *) [ "$DNAT" != auto ] || DNAT=0;;
esac
if [ "$DNAT" = 1 ]; then
  command -v nft >/dev/null || die "--dnat needs nft: apt-get install -y nftables"
  NFT_TABLE=$TAP
  nft delete table ip "$NFT_TABLE" 2>/dev/null || true   # stale one from a killed run
  sysctl -qw "net.ipv4.conf.$TAP.route_localnet=1"   # allow 127.0.0.1 as DNAT target
  nft -f - <<EOF || die "nft DNAT setup failed"
table ip $NFT_TABLE {
  chain pre { type nat hook prerouting priority dstnat; iifname "$TAP" ip daddr $GW tcp dport $port dnat to 127.0.0.1:$port; }
}
EOF
  for p in ${ALSO_PORTS[@]+"${ALSO_PORTS[@]}"}; do
    nft add rule ip "$NFT_TABLE" pre iifname "$TAP" ip daddr "$GW" tcp dport "$p" dnat to "127.0.0.1:$p" \
      || die "nft DNAT setup for --also-port $p failed"
  done
elif [ ${#ALSO_PORTS[@]} -gt 0 ]; then
  die "--also-port needs the DNAT rule (a loopback server and nft)"
fi
# UMLCLIENT_DNAT_EXTRA=ADDR:P1,P2,...: more loopback servers (pNFS data servers) that the guest is told to reach at
# ADDR (a host address in GETDEVICEINFO); DNAT them to 127.0.0.1 so those servers stay bound to loopback too.
if [ -n "${UMLCLIENT_DNAT_EXTRA:-}" ]; then
  command -v nft >/dev/null || die "UMLCLIENT_DNAT_EXTRA needs nft: apt-get install -y nftables"
  extra_addr=${UMLCLIENT_DNAT_EXTRA%%:*}; extra_ports=${UMLCLIENT_DNAT_EXTRA#*:}
  case "$extra_addr:$extra_ports" in
    *[!0-9.,:]*|:*|*:) die "UMLCLIENT_DNAT_EXTRA must be ADDR:PORT[,PORT...], not $UMLCLIENT_DNAT_EXTRA";;
  esac
  NFT_TABLE=$TAP
  sysctl -qw "net.ipv4.conf.$TAP.route_localnet=1"
  nft add table ip "$NFT_TABLE" || die "nft table setup failed"
  nft "add chain ip $NFT_TABLE pre { type nat hook prerouting priority dstnat; }" || die "nft chain setup failed"
  nft add rule ip "$NFT_TABLE" pre iifname "$TAP" ip daddr "$extra_addr" tcp dport "{ $extra_ports }" \
    dnat to 127.0.0.1 || die "nft DNAT setup for $UMLCLIENT_DNAT_EXTRA failed"
fi
# vector driver, tap transport; gro=1 + vnet headers give TSO/checksum offload
NETARG=("vec0:transport=tap,ifname=$TAP,depth=128,gro=1")

OVL=$RUN/ovl; mkdir -p "$OVL"
VMC_HOSTNAME=umlc-$$-$RANDOM   # unique => unique NFSv4 client owner per run
q() { local s=${1//\'/\'\\\'\'}; printf "'%s'" "$s"; }  # POSIX single-quoting
{
  echo "NFS_ADDR=$(q "$host")"
  echo "NFS_PORT=$(q "$port")"
  echo "NFS_EXPORT=$(q "$EXPORT")"
  echo "NFS_OPTS=$(q "$OPTS")"
  echo "NFS_MNT=$(q "$MNT")"
  echo "DO_MOUNT=$DO_MOUNT"
  echo "VMC_HOSTNAME=$VMC_HOSTNAME"
  echo "VMC_IF=$GIF VMC_IP=$GIP VMC_GW=$GW"
  for kv in "${ENVS[@]+"${ENVS[@]}"}"; do
    [[ "${kv%%=*}" =~ ^[A-Za-z_][A-Za-z0-9_]*$ && "$kv" == *=* ]] || die "bad --env $kv"
    echo "export ${kv%%=*}=$(q "${kv#*=}")"
  done
} > "$OVL/vmc.conf"
if [ "$SCRIPT" = - ]; then cat > "$OVL/guest.sh"; else cp "$SCRIPT" "$OVL/guest.sh"; fi
for f in "${FILES[@]+"${FILES[@]}"}"; do
  src=${f%%:*}; dst=${f#*:}; [ "$dst" != "$f" ] || dst=/files/$(basename "$src")
  [ -f "$src" ] || die "--file: $src is not a regular file"
  mkdir -p "$OVL/$(dirname "$dst")"; cp -p "$src" "$OVL/$dst"
done
(cd "$OVL" && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort | "$IMG/busybox" cpio -o -H newc -R 0:0 2>/dev/null) > "$RUN/overlay.cpio"
cat "$IMG/initrd.cpio.gz" "$RUN/overlay.cpio" > "$RUN/initrd"

# ------------------------------------------------------------------ boot it
# con0: /dev/console -> our stdout; no other consoles/serial lines.
# The UML memory file goes to $TMPDIR (default /dev/shm or /tmp), unlinked.
# uml_dir holds the pid file cleanup() kills UML by; UML truncates long paths ("umid_file_name : buffer too
# short") and then writes none, so it gets a short directory of its own.
UMLDIR=$(mktemp -d /tmp/umlc.XXXXXX)
UMID=$VMC_HOSTNAME
# GLIBC_TUNABLES (the kernel hands unknown NAME=VALUE arguments to /init as environment): keep the guest's static
# busybox on its AVX2 string functions. The AVX-512 ones use zmm16-31 and mask registers, which UML 6.1 cannot see
# (its FPU buffer ends after AVX), so that state could be lost across a signal in the guest.
# initcall_blacklist=raid6_select_algo: the built-in raid6 (btrfs) benchmark costs
# ~0.85 s of a ~1.5 s boot; nothing here uses md-raid6/btrfs-raid56.
ARGS=(mem="${MEM}M" initrd="$RUN/initrd" rdinit=/init umid="$UMID" uml_dir="$UMLDIR"
      con0=null,fd:1 con=null ssl=null noreboot panic=-1 initcall_blacklist=raid6_select_algo
      nfs.nfs4_unique_id="$VMC_HOSTNAME" "${NETARG[@]}"
      "GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ,-AVX512CD")
[ "$VERBOSE" = 1 ] || ARGS+=(quiet loglevel=4)
# shellcheck disable=SC2206
[ -z "$XAPPEND" ] || ARGS+=($XAPPEND)

LOG=$RUN/console.log
# UML backs the guest's RAM with an unlinked file in $TMPDIR: keep it in memory (/dev/shm) even when the caller
# points TMPDIR at a disk directory for the run files.
UML_MEMDIR=${UMLCLIENT_MEMDIR:-/dev/shm}; [ -d "$UML_MEMDIR" ] && [ -w "$UML_MEMDIR" ] || UML_MEMDIR=${TMPDIR:-/tmp}
T0=${EPOCHREALTIME/,/.}
{
  urc=0
  # timeout runs UML in its own process group and signals the whole group
  LD_PRELOAD=$PRELOAD TMPDIR=$UML_MEMDIR timeout -k 5 "$TIMEOUT" "$UML" "${ARGS[@]}" < /dev/null 2>&1 || urc=$?   # (set -e is inherited)
  { echo $urc > "$RUN/uml.rc"; } 2>/dev/null || true
} | while IFS= read -r line || [ -n "$line" ]; do
    printf '%s\n' "$line"
    case "$line" in
      "@@VMC BOOT"*) echo "${EPOCHREALTIME/,/.}" > "$RUN/t_boot"
                     cp "$UMLDIR/$UMID/pid" "$RUN/uml.pid" 2>/dev/null || true;;
      "@@VMC MOUNTED"*) echo "${EPOCHREALTIME/,/.}" > "$RUN/t_mount";;
    esac
  done | tee "$LOG" ${UMLCLIENT_LOG:+"$UMLCLIENT_LOG"} &
wait $! || true
URC=$(cat "$RUN/uml.rc" 2>/dev/null || echo '?')
T1=${EPOCHREALTIME/,/.}
rm -f "$RUN/uml.pid"
tr -d '\r' < "$LOG" > "$LOG.n"
RC=$(sed -n 's/.*@@VMC EXIT rc=\([0-9]*\).*/\1/p' "$LOG.n" | tail -1)
MNT_UP=$(sed -n 's/^@@VMC MOUNTED uptime=\([0-9.]*\).*/\1/p' "$LOG.n" | tail -1)
since() { [ -s "$1" ] && awk -v a="$T0" -v b="$(cat "$1")" 'BEGIN{printf "%.2fs", b-a}' || echo -; }
printf 'run-uml: tap=%s dnat=%s total=%.2fs start->init=%s start->mounted=%s (guest uptime at mount %ss) uml-rc=%s guest-rc=%s\n' \
  "$TAP" "$DNAT" "$(awk -v a="$T0" -v b="$T1" 'BEGIN{print b-a}')" "$(since "$RUN/t_boot")" "$(since "$RUN/t_mount")" \
  "${MNT_UP:--}" "$URC" "${RC:--}" >&2
if [ -z "$RC" ]; then
  if [ "$URC" = 124 ] || [ "$URC" = 137 ]; then echo "run-uml: TIMEOUT after ${TIMEOUT}s" >&2; exit 124; fi
  echo "run-uml: guest did not report an exit status" >&2; exit 125
fi
if [ "$RC" = 125 ] && [ "$DNAT" = 0 ] && grep -q 'Connection refused' "$LOG.n"; then
  echo "run-uml: hint: the server must accept connections on $host:$port (listen on 0.0.0.0), or use --dnat for a server bound to 127.0.0.1" >&2
fi
exit "$RC"
