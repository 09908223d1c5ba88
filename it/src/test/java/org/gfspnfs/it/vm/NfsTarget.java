package org.gfspnfs.it.vm;

import java.util.List;

/**
 * An NFS server as the host sees it: {@code host:port} and the export path the guest mounts. The harness maps
 * 127.0.0.1 to an address the guest can reach (UML: a DNAT'd tap; qemu: slirp's 10.0.2.2). {@code forwardedPorts}
 * are further loopback ports (pNFS data servers) that the guest reaches at {@code forwardedAddress}, the address
 * GETDEVICEINFO names: the UML harness DNATs them to 127.0.0.1, so every server stays bound to loopback.
 */
public record NfsTarget(String host, int port, String export, String forwardedAddress, List<Integer> forwardedPorts) {

    public NfsTarget {
        forwardedPorts = List.copyOf(forwardedPorts);
    }

    public static NfsTarget loopback(int port, String export) {
        return new NfsTarget("127.0.0.1", port, export, null, List.of());
    }

    /** The same target, with loopback {@code ports} the guest reaches at {@code address}. */
    public NfsTarget withForwarded(String address, List<Integer> ports) {
        return new NfsTarget(host, port, export, address, ports);
    }

    /** run-uml.sh's UMLCLIENT_DNAT_EXTRA value ({@code ADDR:P1,P2,...}), empty when nothing is forwarded. */
    String dnatExtra() {
        if (forwardedAddress == null || forwardedPorts.isEmpty()) {
            return "";
        }
        return forwardedAddress + ":" + forwardedPorts.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
    }

    String hostPort() {
        return host + ":" + port;
    }
}
