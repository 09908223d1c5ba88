# vm-workload.sh - the kernel-client bench's workload, sourced by the guest script that vm-bench.sh and
# compare-ganesha.sh --one-guest hand to the harness (it/scripts/run-uml.sh; run-guest.sh for vm-bench --qemu).
#   workload TAG PORT MB FILES: against the server at $NFS_ADDR:PORT, export $NFS_EXPORT, in a fresh mount:
#   sequential write of MB MiB (dd bs=1M conv=fsync), drop caches + fresh mount, sequential read of it, FILES file
#   creates (echo > f$i), drop caches + fresh mount, `ls -l` of the files (count checked), `rm -r`.
# Its names start with vmw_ (the harness's vmc_mount sets _o, _e and _d). One line per metric:
#   @@BENCH TAG METRIC VALUE UNIT; a failure prints @@BENCH-FAIL TAG WHAT and returns 1.
# metrics: seq_write_<MB>MiB, seq_read_<MB>MiB (MB/s, higher is better); create_<N>_files, ls_l_<N>_files,
# rm_r_<N>_files (seconds, lower is better).
vmw_t() { cut -d' ' -f1 /proc/uptime; }
vmw_el() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b-a}'; }
vmw_mbps() { awk -v mb="$1" -v a="$2" -v b="$3" 'BEGIN{d=b-a; if (d <= 0) d = 0.01; printf "%.1f", mb*1.048576/d}'; }
vmw_n=0; vmw_last=
# vmw_fresh PORT: drop every cache and look at the export through a new mount (no cached pages, attributes or
# dentries); the previous one is unmounted, so a long run does not pile up mounts
vmw_fresh() {
  cd /; sync
  [ -z "$vmw_last" ] || umount "$vmw_last" 2>/dev/null || true
  echo 3 > /proc/sys/vm/drop_caches
  vmw_n=$((vmw_n + 1)); vmw_last=/mnt/vmw$vmw_n
  vmw_port=$NFS_PORT; NFS_PORT=$1
  vmc_mount "$NFS_OPTS,nosharecache" "$NFS_EXPORT" "$vmw_last"; vmw_rc=$?
  NFS_PORT=$vmw_port
  [ "$vmw_rc" = 0 ] && cd "$vmw_last"
}
vmw_fail() { echo "@@BENCH-FAIL $vmw_tag $*"; cd /; return 1; }
vmw_out() { echo "@@BENCH $vmw_tag $1 $2 $3"; }
workload() { # TAG PORT MB FILES
  vmw_tag=$1; vmw_p=$2; vmw_mb=$3; vmw_files=$4; vmw_d=vm-bench-$(hostname)-$vmw_tag
  vmw_fresh "$vmw_p" || { vmw_fail "mount port $vmw_p"; return 1; }
  mkdir "$vmw_d" || { vmw_fail "mkdir $vmw_d"; return 1; }
  vmw_a=$(vmw_t); dd if=/dev/zero of="$vmw_d/big" bs=1M count="$vmw_mb" conv=fsync 2>/dev/null || { vmw_fail "dd write"; return 1; }
  vmw_b=$(vmw_t)
  [ "$(stat -c %s "$vmw_d/big")" = $((vmw_mb * 1048576)) ] || { vmw_fail "size after write"; return 1; }
  vmw_out "seq_write_${vmw_mb}MiB" "$(vmw_mbps "$vmw_mb" "$vmw_a" "$vmw_b")" MB/s
  vmw_fresh "$vmw_p" || { vmw_fail "mount port $vmw_p"; return 1; }
  vmw_a=$(vmw_t); dd if="$vmw_d/big" of=/dev/null bs=1M 2>/dev/null || { vmw_fail "dd read"; return 1; }; vmw_b=$(vmw_t)
  vmw_out "seq_read_${vmw_mb}MiB" "$(vmw_mbps "$vmw_mb" "$vmw_a" "$vmw_b")" MB/s
  rm -f "$vmw_d/big"
  mkdir "$vmw_d/small" || { vmw_fail "mkdir small"; return 1; }
  vmw_a=$(vmw_t); vmw_i=0
  while [ $vmw_i -lt "$vmw_files" ]; do echo "file $vmw_i" > "$vmw_d/small/f$vmw_i" || { vmw_fail "create f$vmw_i"; return 1; }; vmw_i=$((vmw_i + 1)); done
  vmw_b=$(vmw_t)
  vmw_out "create_${vmw_files}_files" "$(vmw_el "$vmw_a" "$vmw_b")" s
  vmw_fresh "$vmw_p" || { vmw_fail "mount port $vmw_p"; return 1; }
  vmw_a=$(vmw_t); vmw_c=$(ls -l "$vmw_d/small" | grep -c '^-'); vmw_b=$(vmw_t)
  [ "$vmw_c" = "$vmw_files" ] || { vmw_fail "ls -l listed $vmw_c files, want $vmw_files"; return 1; }
  vmw_out "ls_l_${vmw_files}_files" "$(vmw_el "$vmw_a" "$vmw_b")" s
  vmw_a=$(vmw_t); rm -r "$vmw_d" || { vmw_fail "rm -r"; return 1; }; vmw_b=$(vmw_t)
  vmw_out "rm_r_${vmw_files}_files" "$(vmw_el "$vmw_a" "$vmw_b")" s
  cd /
}
