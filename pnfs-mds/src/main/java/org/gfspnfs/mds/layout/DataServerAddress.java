package org.gfspnfs.mds.layout;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

import org.gfspnfs.nfs41.xdr.NetAddr4;

/**
 * Where clients reach one data server: the node's advertised address and its DS port (cluster.conf
 * {@code ClusterNode.advertisedDs()}). {@code host} must be a literal IP address: the universal address in
 * GETDEVICEINFO (RFC 5665 section 5.2.3) has no room for names.
 */
public record DataServerAddress(String name, String host, int port) {
    public DataServerAddress {
        Objects.requireNonNull(name, "name");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        literal(host);
    }

    /** netaddr4 of this address: netid "tcp"/"tcp6", "h1.h2.h3.h4.p1.p2". */
    public NetAddr4 netAddr() {
        InetAddress a = literal(host);
        String netid = a instanceof java.net.Inet6Address ? "tcp6" : "tcp";
        return new NetAddr4(netid, a.getHostAddress() + "." + (port >> 8) + "." + (port & 0xff));
    }

    /**
     * The address of a data server whose advertised host may be a name (cluster.conf {@code advertise}): resolved
     * once, here, to its first address.
     */
    public static DataServerAddress resolve(String name, String host, int port) throws UnknownHostException {
        return new DataServerAddress(name, InetAddress.getByName(host).getHostAddress(), port);
    }

    private static InetAddress literal(String host) {
        boolean v4 = host != null && host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = host != null && host.contains(":") && host.matches("[0-9a-fA-F:.%]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("data server address must be a literal IP, got " + host);
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address " + host, e);
        }
    }
}
