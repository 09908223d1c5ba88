package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.nfs41.xdr.FileLayoutDsAddr4;
import org.gfspnfs.nfs41.xdr.MultipathList4;
import org.gfspnfs.nfs41.xdr.NetAddr4;
import org.gfspnfs.nfs41.xdr.XdrBytes;

/**
 * A files-layout device from GETDEVICEINFO (nfsv4_1_file_layout_ds_addr4, RFC 8881 section 13.3): the stripe
 * indices and, per data server, the first TCP address of its multipath list.
 */
public record FilesDevice(int[] stripeIndices, List<InetSocketAddress> dataServers) {

    public static FilesDevice decode(byte[] body) throws IOException {
        FileLayoutDsAddr4 a = XdrBytes.decode(body, new FileLayoutDsAddr4());
        List<InetSocketAddress> servers = new ArrayList<>();
        for (MultipathList4 m : a.dsList) {
            InetSocketAddress first = null;
            for (NetAddr4 n : m.addrs) {
                if (first == null && n.netid.startsWith("tcp")) {
                    first = universalAddress(n.addr);
                }
            }
            if (first == null) {
                throw new IOException("data server " + servers.size() + " has no tcp address");
            }
            servers.add(first);
        }
        for (int s : a.stripeIndices) {
            if (s < 0 || s >= servers.size()) {
                throw new IOException("stripe index names data server " + s + " of " + servers.size());
            }
        }
        return new FilesDevice(a.stripeIndices, List.copyOf(servers));
    }

    /** RFC 5665 universal address: "h1.h2.h3.h4.p1.p2" (IPv4) or "ipv6.p1.p2"; port = p1 * 256 + p2. */
    static InetSocketAddress universalAddress(String uaddr) throws IOException {
        int last = uaddr.lastIndexOf('.');
        int prev = last < 0 ? -1 : uaddr.lastIndexOf('.', last - 1);
        if (prev <= 0) {
            throw new IOException("not a universal address: " + uaddr);
        }
        try {
            int port = Integer.parseInt(uaddr.substring(prev + 1, last)) * 256 + Integer.parseInt(uaddr.substring(last + 1));
            return new InetSocketAddress(uaddr.substring(0, prev), port);
        } catch (NumberFormatException e) {
            throw new IOException("not a universal address: " + uaddr, e);
        }
    }
}
