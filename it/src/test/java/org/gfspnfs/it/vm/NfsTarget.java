package org.gfspnfs.it.vm;

/**
 * An NFS server as the host sees it: {@code host:port} and the export path the guest mounts. The harness maps
 * 127.0.0.1 to an address the guest can reach (UML: a DNAT'd tap; qemu: slirp's 10.0.2.2).
 */
public record NfsTarget(String host, int port, String export) {

    public static NfsTarget loopback(int port, String export) {
        return new NfsTarget("127.0.0.1", port, export);
    }

    String hostPort() {
        return host + ":" + port;
    }
}
