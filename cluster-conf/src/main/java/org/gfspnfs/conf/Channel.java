package org.gfspnfs.conf;

import java.util.Optional;

/**
 * The network services each node runs, one TCP endpoint each; the enum name doubles as the element of
 * {@code <clusternode>} that configures it ({@code <dlm port="21064"/>}).
 */
public enum Channel {
    /** Hazelcast member-to-member traffic (TCP-IP join list, heartbeats). */
    MEMBERSHIP("membership", ConfDefaults.MEMBERSHIP_PORT, null),
    /** DLM node-to-node messages (the port Linux dlm uses by default). */
    DLM("dlm", ConfDefaults.DLM_PORT, null),
    /** The control-channel ONC RPC program ({@code gfsctl}, MDS-DS stateid checks). */
    CONTROL("control", ConfDefaults.CONTROL_PORT, null),
    /** NFSv4.1 metadata server; listened on only by nodes with the {@link Role#MDS} role. */
    NFS_MDS("nfs_mds", ConfDefaults.NFS_MDS_PORT, Role.MDS),
    /** NFSv4.1 data server; listened on only by nodes with the {@link Role#DS} role. */
    NFS_DS("nfs_ds", ConfDefaults.NFS_DS_PORT, Role.DS);

    private final String element;
    private final int defaultPort;
    private final Role requiredRole;

    Channel(String element, int defaultPort, Role requiredRole) {
        this.element = element;
        this.defaultPort = defaultPort;
        this.requiredRole = requiredRole;
    }

    /** The element name inside {@code <clusternode>}. */
    public String element() {
        return element;
    }

    /** Port used when the element or its {@code port} attribute is absent. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The role a node needs to listen on this channel; empty when every node listens on it. */
    public Optional<Role> requiredRole() {
        return Optional.ofNullable(requiredRole);
    }

    static Optional<Channel> fromElement(String name) {
        for (Channel channel : values()) {
            if (channel.element.equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
