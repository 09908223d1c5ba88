#!/usr/bin/env bash
# ganesha.sh - a throw-away reference NFS-Ganesha server (Debian nfs-ganesha + nfs-ganesha-vfs, FSAL_VFS) on a
# loopback port: NFSv4.1/4.2 only, TCP only, bound to 127.0.0.1, no rpcbind/NLM/RQUOTA/dbus needed. It is the
# reference the kernel-client workloads were validated against and the other side of bench/scripts/compare-ganesha.sh.
# Modelled on the team's shared/vm-client/ganesha-ref.sh.
#
#   scripts/ganesha.sh start DIR PORT [PSEUDO]   start in the background; exports DIR/export as pseudo path PSEUDO
#                                                (default /, like `gfspnfs demo`); waits until PORT accepts TCP
#                                                (bounded, 10 s); prints the pid
#   scripts/ganesha.sh stop DIR                  SIGTERM, up to 10 s grace, then SIGKILL; removes the pidfile
#   scripts/ganesha.sh status DIR                exit 0 and print the pid while it runs, else exit 1
#   scripts/ganesha.sh install                   install the Debian packages only (done on demand by start)
#
# Files in DIR: ganesha.conf, ganesha.pid (pidfile), ganesha.log, ganesha.out, export/ (the data), recov/.
# Needs root (apt-get install; ganesha's VFS FSAL uses open_by_handle_at). The install keeps rpcbind, dbus and the
# packaged nfs-ganesha service from starting (policy-rc.d), so nothing else is left listening.
# Harmless noise in ganesha.log: "dbus_bus_get failed", "Cannot register NFS V4 on TCP" (no rpcbind; v4 does not
# need it), krb5 keytab warnings.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
die() { echo "ganesha.sh: $*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_ganesha() {
  command -v ganesha.nfsd >/dev/null && [ -e /usr/lib/x86_64-linux-gnu/ganesha/libfsalvfs.so ] && return 0
  [ "$(id -u)" = 0 ] || die "nfs-ganesha is not installed and installing it needs root"
  echo "ganesha.sh: installing nfs-ganesha nfs-ganesha-vfs (Debian) ..." >&2
  local policy=/usr/sbin/policy-rc.d created=0
  if [ ! -e "$policy" ]; then   # no daemon starts during the install (rpcbind, dbus, nfs-ganesha)
    printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod 755 "$policy"; created=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  local rc=0
  { compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null || apt-get update -qq; } < /dev/null || rc=$?
  [ $rc != 0 ] || apt-get install -y -qq --no-install-recommends nfs-ganesha nfs-ganesha-vfs < /dev/null > /dev/null || rc=$?
  [ $created = 0 ] || rm -f "$policy"
  [ $rc = 0 ] || die "apt-get install nfs-ganesha nfs-ganesha-vfs failed (rc $rc)"
  command -v ganesha.nfsd >/dev/null || die "ganesha.nfsd still missing after install"
}

write_conf() { # DIR PORT PSEUDO
  cat > "$1/ganesha.conf" <<EOF
NFS_CORE_PARAM {
    NFS_Port = $2;
    Bind_addr = 127.0.0.1;
    Protocols = 4;
    Enable_NLM = false;
    Enable_RQUOTA = false;
    Enable_UDP = false;
}
NFSV4 {
    Graceless = true;             # no grace period at start: the ITs restart the server and remount at once
    Minor_Versions = 1, 2;
    RecoveryBackend = fs;
    RecoveryRoot = $1/recov;
    Lease_Lifetime = 20;
    Allow_Numeric_Owners = true;
    Only_Numeric_Owners = true;   # the guest has no idmapd; the kernel client sends numeric ids for sec=sys
}
NFS_KRB5 { Active_krb5 = false; }
EXPORT {
    Export_Id = 1;
    Path = $1/export;
    Pseudo = $3;
    Protocols = 4;
    Transports = TCP;
    Access_Type = RW;
    Squash = No_Root_Squash;
    SecType = sys;
    FSAL { Name = VFS; }
}
LOG { Default_Log_Level = EVENT; }
EOF
}

running_pid() { # DIR -> prints the pid of a live server started there
  local pid
  [ -s "$1/ganesha.pid" ] || return 1
  pid=$(cat "$1/ganesha.pid")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q ganesha "/proc/$pid/comm" 2>/dev/null || return 1
  echo "$pid"
}

cmd=${1:-}
case "$cmd" in
install) install_ganesha ;;
start)
  [ $# -ge 3 ] || usage
  mkdir -p "$2"; dir=$(cd "$2" && pwd); port=$3; pseudo=${4:-/}
  install_ganesha
  if pid=$(running_pid "$dir"); then die "already running in $dir (pid $pid)"; fi
  port_open "$port" && die "port $port is already in use"
  mkdir -p "$dir/export" "$dir/recov"
  write_conf "$dir" "$port" "$pseudo"
  # -F: foreground (we background it ourselves, in its own session, so a caller's Ctrl-C does not hit it);
  # -p: ganesha writes its pidfile itself.
  setsid ganesha.nfsd -F -f "$dir/ganesha.conf" -L "$dir/ganesha.log" -p "$dir/ganesha.pid" -N NIV_EVENT \
    > "$dir/ganesha.out" 2>&1 < /dev/null &
  bg=$!
  echo "$bg" > "$dir/ganesha.pid"   # until ganesha rewrites it (same pid: -F does not fork)
  for _ in $(seq 1 100); do
    if port_open "$port"; then echo "$bg"; exit 0; fi
    kill -0 "$bg" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$bg" 2>/dev/null || true
  rm -f "$dir/ganesha.pid"
  echo "ganesha.sh: ganesha did not accept connections on 127.0.0.1:$port within 10 s; last log lines:" >&2
  tail -5 "$dir/ganesha.log" "$dir/ganesha.out" >&2 2>/dev/null || true
  exit 1
  ;;
stop)
  [ $# -ge 2 ] || usage
  dir=$(cd "$2" 2>/dev/null && pwd) || die "no such directory $2"
  if ! pid=$(running_pid "$dir"); then rm -f "$dir/ganesha.pid"; echo "ganesha.sh: not running in $dir" >&2; exit 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "ganesha.sh: pid $pid ignored SIGTERM for 10 s; SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$dir/ganesha.pid"
  ;;
status)
  [ $# -ge 2 ] || usage
  dir=$(cd "$2" 2>/dev/null && pwd) || exit 1
  running_pid "$dir"
  ;;
*) usage ;;
esac
