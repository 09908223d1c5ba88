package org.gfspnfs.conf;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code <clusternode>} as read, before cross-node checks. Null fields are values that were missing or invalid
 * (already reported); checks that need them skip the node rather than pile up follow-on problems.
 */
final class NodeDraft {

    /** A node's endpoint for one channel; {@code pos} is where to point when it clashes. */
    record Endpoint(HostPort hostPort, Pos pos, boolean defaultPort) {
    }

    /** A {@code <device>} reference, checked later against the fence devices. */
    record DeviceUse(String device, XmlAttr nameAttr) {
    }

    final XmlElement element;
    XmlAttr nameAttr;
    String name;
    XmlAttr nodeIdAttr;
    Integer nodeId;
    XmlAttr votesAttr;
    Integer votes;
    Set<Role> roles;
    String address;
    String advertise;
    Pos advertisePos;
    final Map<Channel, Endpoint> endpoints = new EnumMap<>(Channel.class);
    final List<FenceMethod> fenceMethods = new ArrayList<>();
    final List<DeviceUse> deviceUses = new ArrayList<>();

    NodeDraft(XmlElement element) {
        this.element = element;
    }

    /** How messages name this node: by name when it has one, else by position. */
    String label() {
        return name != null ? "node \"" + name + "\"" : "the <clusternode> at line " + element.pos().line();
    }

    boolean endpointsComplete() {
        return endpoints.size() == Channel.values().length
                && endpoints.values().stream().allMatch(e -> e.hostPort() != null);
    }

    /** Only called when no problem was found anywhere, so every field is set. */
    ClusterNode build() {
        Map<Channel, HostPort> hostPorts = new EnumMap<>(Channel.class);
        endpoints.forEach((channel, endpoint) -> hostPorts.put(channel, endpoint.hostPort()));
        return new ClusterNode(name, nodeId, votes, roles, hostPorts, advertise, fenceMethods);
    }
}
