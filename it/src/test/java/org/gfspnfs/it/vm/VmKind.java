package org.gfspnfs.it.vm;

/**
 * How the guest kernel runs. Both boot a Debian 6.1 kernel with a busybox initramfs whose /init mounts the server
 * with {@code vers=4.1} and runs the guest script (see it/scripts and the team's shared/vm-client/README.md).
 */
public enum VmKind {
    /** User-Mode Linux: a real kernel as a host process, ~1 s to a mounted client. Needs root and /dev/net/tun. */
    UML("run-uml.sh"),
    /** qemu under TCG (KVM is not usable here): ~5 s to a mounted client, I/O emulation-bound; needs no privileges. */
    QEMU("run-guest.sh");

    private final String script;

    VmKind(String script) {
        this.script = script;
    }

    /** The harness script in it/scripts that boots this kind of guest. */
    String script() {
        return script;
    }
}
