#!/bin/bash
# Copied from the team's shared/vm-client/run-guest.sh (our own harness) and adapted for the it module:
# /init keeps its cwd off the mount, so guest scripts can umount and remount (as run-uml.sh allows).
#
# run-guest.sh - boot a throw-away Linux VM (Debian kernel + busybox initramfs)
# whose kernel NFS client mounts an NFSv4.x server on this host, run a guest
# shell script against the mount, stream the serial console, and exit with
# the guest script's exit status.
#
# usage: run-guest.sh [options] GUEST_SCRIPT      (GUEST_SCRIPT "-" = read stdin)
#   -s, --server HOST:PORT   NFS server as seen from the HOST (default 127.0.0.1:2049).
#                            127.0.0.1 / localhost are rewritten to 10.0.2.2
#                            (qemu user-mode networking; arrives at host 127.0.0.1).
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
#   -t, --timeout SEC        hard wall-clock limit for the VM (default 300)
#       --kvm | --no-kvm     force KVM / TCG (default: KVM only if /dev/kvm is
#                            usable and backed by kvm_intel/kvm_amd, else TCG)
#       --cpus N  --mem MB   guest size (default 2 CPUs, 1024 MB)
#       --boot pvh|bzimage   pvh (default when possible): boot the uncompressed
#                            vmlinux via the PVH entry point, skipping BIOS real
#                            mode + in-guest decompression (~3 s faster under TCG)
#   -v, --verbose            full kernel boot log on the console
#       --rebuild            rebuild the cached initramfs
# env: VMCLIENT_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/vm-client)
#      VMCLIENT_KERNEL_PKG  Debian kernel package (default: what linux-image-amd64 depends on)
#      VMCLIENT_LOG         also copy the console to this file
#      VMCLIENT_QEMU_CPU    override -cpu (default host with KVM, max with TCG)
#      VMCLIENT_QEMU_EXTRA  extra qemu arguments (word-split)
# exit: guest script rc; 124 = timeout; 125 = harness/boot/mount failure.
set -euo pipefail

SERVER=127.0.0.1:2049
EXPORT=/
OPTS=vers=4.1
MNT=/mnt/nfs
DO_MOUNT=1
TIMEOUT=300
ACCEL=auto
CPUS=2
MEM=1024
VERBOSE=0
REBUILD=0
BOOT=pvh
ENVS=()
FILES=()
XAPPEND=
SCRIPT=

die() { echo "run-guest: $*" >&2; exit 125; }
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
    --kvm) ACCEL=kvm; shift;;
    --no-kvm|--tcg) ACCEL=tcg; shift;;
    --cpus) CPUS=$2; shift 2;;
    --mem) MEM=$2; shift 2;;
    --boot) BOOT=$2; shift 2;;
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
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 missing: apt-get install -y --no-install-recommends qemu-system-x86"

CACHE=${VMCLIENT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vm-client}
mkdir -p "$CACHE"

# ---------------------------------------------------------------- guest /init
# Kept in this file so that a change to it changes the cache key.
read -r -d '' GUEST_INIT <<'INIT_EOF' || true
#!/bin/sh
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm && mount -t devpts devpts /dev/pts
mount -t tmpfs -o size=80% tmpfs /tmp
up() { cut -d' ' -f1 /proc/uptime; }
say() { echo "@@VMC $*"; }
fin() { # fin RC: report, unmount, power off (never returns)
  echo; say "EXIT rc=$1 uptime=$(up)"   # leading newline: guest output may lack one
  cd /
  # clean unmount => DESTROY_SESSION/DESTROY_CLIENTID reach the server;
  # bounded, since a hard mount on a dead server would block forever
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
modprobe virtio_pci 2>/dev/null; modprobe virtio_net
modprobe nfsv4 || { say "ERROR modprobe nfsv4 failed"; fin 125; }
ip link set lo up
ip link set eth0 up
ip addr add 10.0.2.15/24 dev eth0
ip route add default via 10.0.2.2
echo "nameserver 10.0.2.3" > /etc/resolv.conf
say "NET uptime=$(up)"

. /vmc-lib.sh
export NFS_ADDR NFS_PORT NFS_EXPORT NFS_OPTS NFS_MNT
if [ "$DO_MOUNT" = 1 ]; then
  if ! vmc_mount; then
    say "ERROR mount failed: $NFS_ADDR:$NFS_PORT $NFS_EXPORT ($NFS_OPTS)"
    dmesg | tail -20
    fin 125
  fi
  say "MOUNTED uptime=$(up) $(grep " $NFS_MNT " /proc/mounts)"
fi
# Only the guest shell has its cwd on the mount (not /init), so the guest script can umount/remount $NFS_MNT
# after a cd / (as in run-uml.sh). The guest script gets vmc_mount via /vmc-lib.sh; stdin is /dev/null.
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
  mount -t nfs4 -o "$_o,addr=$NFS_ADDR,port=$NFS_PORT,clientaddr=10.0.2.15" "$NFS_ADDR:$_e" "$_d"
}
vmc_uptime() { cut -d' ' -f1 /proc/uptime; }
LIB_EOF

# ------------------------------------------------------ kernel + busybox (cached)
fetch_debs() {
  local d=$CACHE/debs pkg
  mkdir -p "$d"
  pkg=${VMCLIENT_KERNEL_PKG:-}
  if [ -z "$pkg" ]; then
    pkg=$(cd "$d" && ls linux-image-*-amd64_*.deb 2>/dev/null | head -1 | cut -d_ -f1 || true)
  fi
  if [ -z "$pkg" ]; then
    pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
    [ -n "$pkg" ] || die "cannot resolve the kernel package (apt-get update?)"
  fi
  if ! ls "$d/${pkg}"_*.deb >/dev/null 2>&1; then
    (cd "$d" && apt-get -q -o APT::Sandbox::User=root download "$pkg") >&2 || die "apt-get download $pkg failed"
  fi
  if ! ls "$d"/busybox-static_*.deb >/dev/null 2>&1; then
    (cd "$d" && apt-get -q -o APT::Sandbox::User=root download busybox-static) >&2 || die "apt-get download busybox-static failed"
  fi
  KDEB=$(ls "$d/${pkg}"_*.deb | head -1)
  BDEB=$(ls "$d"/busybox-static_*.deb | head -1)
}

# extract_vmlinux BZIMAGE OUT: unpack the ELF vmlinux embedded in a bzImage
extract_vmlinux() {
  local spec magic cmd off
  for spec in 'fd377a585a00:xz -dc' '28b52ffd:zstd -dcq' '1f8b0800:gzip -dc'; do
    magic=${spec%%:*}; cmd=${spec#*:}
    off=$(LC_ALL=C grep -obaP "$(echo "$magic" | sed 's/../\\x&/g')" "$1" | head -1 | cut -d: -f1) || true
    [ -n "$off" ] || continue
    tail -c +$((off + 1)) "$1" | $cmd > "$2.tmp" 2>/dev/null || true   # trailing bytes -> rc!=0
    if [ "$(head -c 4 "$2.tmp" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ]; then mv "$2.tmp" "$2"; return 0; fi
  done
  rm -f "$2.tmp"; return 1
}

build_initramfs() {
  local key work kroot kv K mods m
  fetch_debs
  key=$( { basename "$KDEB"; basename "$BDEB"; echo "$GUEST_INIT"; echo "$GUEST_LIB"; echo v4; } | sha256sum | cut -c1-16)
  IMG=$CACHE/img-$key
  if [ "$REBUILD" = 0 ] && [ -s "$IMG/initrd.cpio.gz" ] && [ -s "$IMG/vmlinuz" ] && [ -x "$IMG/busybox" ]; then return; fi
  echo "run-guest: building initramfs in $IMG" >&2
  rm -rf "$IMG.tmp"; mkdir -p "$IMG.tmp"; work=$IMG.tmp
  kroot=$work/kroot; mkdir -p "$kroot" "$work/bb"
  dpkg -x "$KDEB" "$kroot"
  dpkg -x "$BDEB" "$work/bb"
  kv=$(ls "$kroot/lib/modules" | head -1)
  K=$kroot/lib/modules/$kv
  BB=$work/bb/bin/busybox
  "$BB" depmod -b "$kroot" "$kv"
  # modules wanted (+ their dependencies from modules.dep)
  mods="kernel/drivers/virtio/virtio_pci.ko kernel/drivers/net/virtio_net.ko
        kernel/fs/nfs/nfsv4.ko kernel/fs/nfs/filelayout/nfs_layout_nfsv41_files.ko
        kernel/fs/nfs/flexfilelayout/nfs_layout_flexfiles.ko"
  local all=""
  for m in $mods; do
    [ -e "$K/$m" ] || die "module $m not in $KDEB"
    all="$all $m $(grep "^$m:" "$K/modules.dep" | cut -d: -f2)"
  done
  local R=$work/root
  mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,mnt,root,etc,lib/modules/$kv}
  cp "$BB" "$R/bin/busybox"
  for a in $("$BB" --list); do
    [ "$a" = busybox ] || ln -sf busybox "$R/bin/$a"
  done
  ln -sf ../bin/busybox "$R/sbin/modprobe"   # kernel request_module() helper
  ln -sf ../bin/busybox "$R/sbin/poweroff"
  for m in $(printf '%s\n' $all | sort -u); do
    mkdir -p "$R/lib/modules/$kv/$(dirname "$m")"
    cp "$K/$m" "$R/lib/modules/$kv/$m"
  done
  cp "$K/modules.builtin" "$R/lib/modules/$kv/" 2>/dev/null || true
  "$BB" depmod -b "$R" "$kv"
  printf '%s\n' "$GUEST_INIT" > "$R/init"; chmod 755 "$R/init"
  printf '%s\n' "$GUEST_LIB" > "$R/vmc-lib.sh"
  echo "root:x:0:0:root:/root:/bin/sh" > "$R/etc/passwd"
  echo "root:x:0:" > "$R/etc/group"
  (cd "$R" && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort | "$BB" cpio -o -H newc -R 0:0 2>/dev/null) | gzip -1 > "$work/initrd.cpio.gz"
  # The kernel only accepts a cpio appended after a compressed one if it starts
  # 4-byte aligned ("invalid magic at start of compressed archive" otherwise):
  # pad with zeros, which the initramfs unpacker skips.
  local sz; sz=$(stat -c %s "$work/initrd.cpio.gz")
  head -c $(( (512 - sz % 512) % 512 )) /dev/zero >> "$work/initrd.cpio.gz"
  cp "$kroot/boot/vmlinuz-$kv" "$work/vmlinuz"
  cp "$BB" "$work/busybox"    # static busybox, also used on the host (cpio)
  if grep -q '^CONFIG_PVH=y' "$kroot/boot/config-$kv" 2>/dev/null; then
    extract_vmlinux "$work/vmlinuz" "$work/vmlinux" || echo "run-guest: could not extract vmlinux; PVH boot unavailable" >&2
  fi
  echo "$kv" > "$work/kernel-version"
  rm -rf "$kroot" "$work/bb" "$R"
  rm -rf "$IMG"; mv "$work" "$IMG"
}

build_initramfs

# ----------------------------------------------------------- per-run overlay cpio
RUN=$(mktemp -d "${TMPDIR:-/tmp}/vmc-run.XXXXXX")
cleanup() {  # also reached on INT/TERM: never leave a qemu behind
  if [ -s "$RUN/qemu.pid" ]; then kill "$(cat "$RUN/qemu.pid")" 2>/dev/null || true; fi
  rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT; trap 'exit 143' TERM HUP

host=${SERVER%:*}; port=${SERVER##*:}
[ "$host" != "$SERVER" ] || port=2049
case "$host" in 127.0.0.1|localhost|::1|"") host=10.0.2.2;; esac
OVL=$RUN/ovl; mkdir -p "$OVL"
VMC_HOSTNAME=vmc-$$-$RANDOM   # unique => unique NFSv4 client owner per VM
q() { local s=${1//\'/\'\\\'\'}; printf "'%s'" "$s"; }  # POSIX single-quoting
{
  echo "NFS_ADDR=$(q "$host")"
  echo "NFS_PORT=$(q "$port")"
  echo "NFS_EXPORT=$(q "$EXPORT")"
  echo "NFS_OPTS=$(q "$OPTS")"
  echo "NFS_MNT=$(q "$MNT")"
  echo "DO_MOUNT=$DO_MOUNT"
  echo "VMC_HOSTNAME=$VMC_HOSTNAME"
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
# Second (uncompressed) cpio appended to the cached one; the kernel unpacks both.
(cd "$OVL" && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort | "$IMG/busybox" cpio -o -H newc -R 0:0 2>/dev/null) > "$RUN/overlay.cpio"
cat "$IMG/initrd.cpio.gz" "$RUN/overlay.cpio" > "$RUN/initrd"

# ------------------------------------------------------------------ boot it
if [ "$ACCEL" = auto ]; then
  # Only hardware KVM (kvm_intel/kvm_amd) helps. A /dev/kvm backed by kvm_pvm
  # (software nested virt, e.g. inside Firecracker sandboxes) cannot run a stock
  # kernel at useful speed, so fall back to TCG there.
  if [ -r /dev/kvm ] && [ -w /dev/kvm ] && { [ -d /sys/module/kvm_intel ] || [ -d /sys/module/kvm_amd ]; }; then
    ACCEL=kvm
  else
    ACCEL=tcg
  fi
fi
if [ "$ACCEL" = kvm ] && [ -d /sys/module/kvm_pvm ]; then
  echo "run-guest: warning: /dev/kvm is kvm_pvm; a stock kernel fails under it (MSR 0x10a abort with -cpu host, emulation failures otherwise); use TCG" >&2
fi
if [ "$ACCEL" = kvm ]; then ACC=(-accel kvm -cpu "${VMCLIENT_QEMU_CPU:-host}"); else ACC=(-accel tcg,thread=multi -cpu "${VMCLIENT_QEMU_CPU:-max}"); fi
KERNEL=$IMG/vmlinuz
if [ "$BOOT" = pvh ] && [ -s "$IMG/vmlinux" ]; then KERNEL=$IMG/vmlinux; else BOOT=bzimage; fi
APPEND="console=ttyS0 panic=-1 reboot=t nfs.nfs4_unique_id=$VMC_HOSTNAME"
[ "$VERBOSE" = 1 ] || APPEND="$APPEND quiet loglevel=4"
[ -z "$XAPPEND" ] || APPEND="$APPEND $XAPPEND"

LOG=$RUN/console.log
T0=${EPOCHREALTIME/,/.}
# The pipeline runs in the background so that INT/TERM traps fire at once
# (bash defers traps until a foreground pipeline ends); cleanup kills qemu.
{
  qrc=0
  timeout -k 5 "$TIMEOUT" qemu-system-x86_64 -nodefaults -no-user-config -no-reboot \
    "${ACC[@]}" -machine pc -smp "$CPUS" -m "$MEM" \
    -kernel "$KERNEL" -initrd "$RUN/initrd" -append "$APPEND" \
    -netdev user,id=n0 -device virtio-net-pci,netdev=n0 \
    -display none -monitor none -serial stdio -pidfile "$RUN/qemu.pid" \
    ${VMCLIENT_QEMU_EXTRA:-} < /dev/null 2>&1 || qrc=$?    # (set -e is inherited)
  { echo $qrc > "$RUN/qemu.rc"; } 2>/dev/null || true
} | while IFS= read -r line || [ -n "$line" ]; do
    # stream the console; remember host-side time of the guest's milestones
    printf '%s\n' "$line"
    case "$line" in
      "@@VMC BOOT"*) echo "${EPOCHREALTIME/,/.}" > "$RUN/t_boot";;
      "@@VMC MOUNTED"*) echo "${EPOCHREALTIME/,/.}" > "$RUN/t_mount";;
    esac
  done | tee "$LOG" ${VMCLIENT_LOG:+"$VMCLIENT_LOG"} &
wait $! || true
QRC=$(cat "$RUN/qemu.rc" 2>/dev/null || echo '?')
T1=${EPOCHREALTIME/,/.}
rm -f "$RUN/qemu.pid"
tr -d '\r' < "$LOG" > "$LOG.n"
RC=$(sed -n 's/.*@@VMC EXIT rc=\([0-9]*\).*/\1/p' "$LOG.n" | tail -1)
MNT_UP=$(sed -n 's/^@@VMC MOUNTED uptime=\([0-9.]*\).*/\1/p' "$LOG.n" | tail -1)
since() { [ -s "$1" ] && awk -v a="$T0" -v b="$(cat "$1")" 'BEGIN{printf "%.2fs", b-a}' || echo -; }
printf 'run-guest: accel=%s boot=%s total=%.2fs qemu-start->init=%s qemu-start->mounted=%s (guest uptime at mount %ss) qemu-rc=%s guest-rc=%s\n' \
  "$ACCEL" "$BOOT" "$(awk -v a="$T0" -v b="$T1" 'BEGIN{print b-a}')" "$(since "$RUN/t_boot")" "$(since "$RUN/t_mount")" \
  "${MNT_UP:--}" "$QRC" "${RC:--}" >&2
if [ -z "$RC" ]; then
  if [ "$QRC" = 124 ] || [ "$QRC" = 137 ]; then echo "run-guest: TIMEOUT after ${TIMEOUT}s" >&2; exit 124; fi
  echo "run-guest: guest did not report an exit status" >&2; exit 125
fi
exit "$RC"
