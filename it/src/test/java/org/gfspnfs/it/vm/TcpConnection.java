package org.gfspnfs.it.vm;

import java.util.List;

/**
 * One TCP connection of the guest kernel as guest/tcpbytes.c printed it ({@code @@IT TCPBYTES DST PORT OUT IN}):
 * where it goes and how many bytes the guest sent (acknowledged by the peer) and received. The kernel NFS client's
 * connections to the MDS and to each pNFS data server are such connections, so these are the per-server byte counts
 * that /proc/self/mountstats does not give.
 */
public record TcpConnection(String host, int port, long bytesSent, long bytesReceived) {

    /** Parses the lines after the {@code @@IT TCPBYTES } marker; listening sockets (port 0) are left out. */
    static List<TcpConnection> parse(List<String> lines) {
        return lines.stream().map(l -> l.strip().split("\\s+"))
                .filter(f -> f.length == 4)
                .map(f -> new TcpConnection(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])))
                .filter(c -> c.port() != 0)
                .toList();
    }
}
