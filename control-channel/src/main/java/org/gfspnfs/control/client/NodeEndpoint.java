package org.gfspnfs.control.client;

import java.net.InetSocketAddress;
import java.util.Objects;

/** A node's name and the control-channel address:port cluster.conf gives it. */
public record NodeEndpoint(String name, InetSocketAddress address) {
    public NodeEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return name + "@" + address.getHostString() + ":" + address.getPort();
    }
}
