#!/usr/bin/env bash
# Installs the system packages the test suite needs, from Debian's packages. Idempotent and quiet: when everything
# is present it prints nothing and takes well under a second. Runs as root with no stdin (CI).
#
# What the integration tests need (module `it`, see it/README.md):
#   user-mode-linux   the kernel NFS client the ITs boot (fast path; also needs /dev/net/tun and root)
#   qemu-system-x86   the same client under qemu TCG (fallback, and tests that want the full VM path)
#   nftables          DNAT from the UML tap to servers bound to 127.0.0.1
#   iproute2          tap devices (ip tuntap)
#   gcc, libc6-dev    `gcc -static` for the guest's fcntl lock helper
# The harness also `apt-get download`s busybox-static (and, for qemu, the Debian kernel) into its cache; that needs
# apt's package lists, so they are refreshed here when they are missing.
set -euo pipefail

packages=(user-mode-linux qemu-system-x86 nftables iproute2 gcc libc6-dev)

if [ "$(id -u)" != 0 ]; then
  echo "install-test-deps: must run as root (installs packages; the kernel-client ITs need a tap device)" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

lists_present() {
  compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null
}

export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ] || ! lists_present; then
  echo "install-test-deps: installing ${missing[*]:-(package lists only)}" >&2
  apt-get update -qq < /dev/null
fi
if [ ${#missing[@]} -gt 0 ]; then
  # --no-install-recommends: qemu would otherwise pull in a desktop's worth of packages, UML pulls uml-utilities
  apt-get install -y -qq --no-install-recommends "${missing[@]}" < /dev/null > /dev/null \
    2> >(grep -v '^debconf: delaying package configuration' >&2)
fi

# Fail here, with the reason, rather than in the middle of a test.
[ -x /usr/bin/linux.uml ] || { echo "install-test-deps: /usr/bin/linux.uml missing after install" >&2; exit 1; }
command -v qemu-system-x86_64 > /dev/null || { echo "install-test-deps: qemu-system-x86_64 missing after install" >&2; exit 1; }
command -v nft > /dev/null || { echo "install-test-deps: nft missing after install" >&2; exit 1; }
if [ ! -c /dev/net/tun ]; then
  # Containers sometimes lack the node although the kernel has tun.
  mkdir -p /dev/net && mknod /dev/net/tun c 10 200 2>/dev/null && chmod 600 /dev/net/tun || true
  [ -c /dev/net/tun ] || { echo "install-test-deps: /dev/net/tun missing (the UML client needs a tap device)" >&2; exit 1; }
fi
