package org.gfspnfs.conf;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code <clusternode>}: identity, votes, roles, the endpoint of each {@link Channel} and the fence methods
 * other nodes use against it.
 *
 * @param name         unique node name (cman's node name)
 * @param nodeId       unique id, 1..{@value ConfDefaults#MAX_NODE_ID}; the DLM node id and disk-fencing slot
 * @param votes        votes the node contributes to quorum, 0..{@value ConfDefaults#MAX_VOTES}
 * @param roles        NFS roles; may be empty (a node that only mounts the filesystem)
 * @param endpoints    one endpoint per {@link Channel}, always complete (defaults applied)
 * @param advertise    host handed to NFS clients for this node's MDS and DS (never a wildcard)
 * @param fenceMethods methods to fence this node, in the order they are tried; may be empty (disk fencing is
 *                     always available to membership as the last resort)
 */
public record ClusterNode(String name, int nodeId, int votes, Set<Role> roles, Map<Channel, HostPort> endpoints,
                          String advertise, List<FenceMethod> fenceMethods) {

    public ClusterNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(advertise, "advertise");
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        EnumMap<Channel, HostPort> copy = new EnumMap<>(Channel.class);
        copy.putAll(endpoints);
        if (copy.size() != Channel.values().length) {
            throw new IllegalArgumentException("node " + name + " lacks endpoints: " + copy.keySet());
        }
        endpoints = Collections.unmodifiableMap(copy);
        fenceMethods = List.copyOf(fenceMethods);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public HostPort endpoint(Channel channel) {
        return endpoints.get(channel);
    }

    /** Hazelcast member address (TCP-IP join list entry). */
    public HostPort membership() {
        return endpoint(Channel.MEMBERSHIP);
    }

    /** DLM node-to-node listener. */
    public HostPort dlm() {
        return endpoint(Channel.DLM);
    }

    /** Control-channel RPC listener. */
    public HostPort control() {
        return endpoint(Channel.CONTROL);
    }

    /** Address the NFS metadata server binds (meaningful when {@link #hasRole(Role) hasRole(MDS)}). */
    public HostPort nfsMds() {
        return endpoint(Channel.NFS_MDS);
    }

    /** Address the NFS data server binds (meaningful when {@link #hasRole(Role) hasRole(DS)}). */
    public HostPort nfsDs() {
        return endpoint(Channel.NFS_DS);
    }

    /** What clients are told to mount: the advertised host with the MDS port. */
    public HostPort advertisedMds() {
        return nfsMds().withHost(advertise);
    }

    /** What GETDEVICEINFO returns for this node's DS: the advertised host with the DS port. */
    public HostPort advertisedDs() {
        return nfsDs().withHost(advertise);
    }

    /** The endpoints this node listens on given its roles, in {@link Channel} order. */
    public Map<Channel, HostPort> listeningEndpoints() {
        EnumMap<Channel, HostPort> listening = new EnumMap<>(Channel.class);
        endpoints.forEach((channel, hostPort) -> {
            if (channel.requiredRole().map(roles::contains).orElse(true)) {
                listening.put(channel, hostPort);
            }
        });
        return Collections.unmodifiableMap(listening);
    }
}
