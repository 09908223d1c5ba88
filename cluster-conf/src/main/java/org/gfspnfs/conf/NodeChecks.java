package org.gfspnfs.conf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/** Checks across nodes: unique names and ids, no port clashes on one host, defined fence devices, roles present. */
final class NodeChecks {

    private record Use(NodeDraft node, Channel channel, NodeDraft.Endpoint endpoint) {

        String describe() {
            return endpoint.hostPort() + " (" + channel.element() + " of " + node.label() + ")";
        }
    }

    private final Problems problems;

    NodeChecks(Problems problems) {
        this.problems = problems;
    }

    void check(List<NodeDraft> nodes, List<String> fenceDeviceNames, XmlElement clusternodes) {
        uniqueNamesAndIds(nodes);
        noPortClashes(nodes);
        for (NodeDraft node : nodes) {
            advertisable(node);
            fenceDevicesDefined(node, fenceDeviceNames);
        }
        rolesPresent(nodes, clusternodes);
    }

    private void uniqueNamesAndIds(List<NodeDraft> nodes) {
        Map<String, NodeDraft> names = new HashMap<>();
        Map<Integer, NodeDraft> ids = new HashMap<>();
        for (NodeDraft node : nodes) {
            if (node.name != null) {
                NodeDraft first = names.putIfAbsent(node.name, node);
                if (first != null) {
                    problems.at(node.nameAttr, "duplicate node name \"" + node.name + "\"",
                            "node names must be unique; the first \"" + node.name + "\" is at line "
                                    + first.element.pos().line());
                }
            }
            if (node.nodeId != null) {
                NodeDraft first = ids.putIfAbsent(node.nodeId, node);
                if (first != null) {
                    problems.at(node.nodeIdAttr, node.nodeIdAttr.quoted() + " is already used by " + first.label()
                                    + " at line " + first.element.pos().line(),
                            "give each node its own nodeid from 1 to " + ConfDefaults.MAX_NODE_ID);
                }
            }
        }
    }

    /** Two listeners on one host and port cannot both bind; a wildcard listener takes the port on every address. */
    private void noPortClashes(List<NodeDraft> nodes) {
        Map<String, Use> taken = new HashMap<>();
        for (NodeDraft node : nodes) {
            if (!node.endpointsComplete() || node.roles == null) {
                continue;
            }
            Map<Integer, Use> wildcardPorts = new HashMap<>();
            Map<Integer, Use> nodePorts = new HashMap<>();
            for (Entry<Channel, NodeDraft.Endpoint> entry : node.endpoints.entrySet()) {
                Channel channel = entry.getKey();
                if (!channel.requiredRole().map(node.roles::contains).orElse(true)) {
                    continue;
                }
                Use use = new Use(node, channel, entry.getValue());
                HostPort hostPort = use.endpoint().hostPort();
                Use first = taken.putIfAbsent(hostPort.hostKey() + "|" + hostPort.port(), use);
                if (first == null && hostPort.isWildcard()) {
                    first = nodePorts.get(hostPort.port());
                }
                if (first == null) {
                    first = wildcardPorts.get(hostPort.port());
                }
                if (first != null) {
                    clash(use, first);
                }
                nodePorts.putIfAbsent(hostPort.port(), use);
                if (hostPort.isWildcard()) {
                    wildcardPorts.putIfAbsent(hostPort.port(), use);
                }
            }
        }
    }

    private void clash(Use use, Use first) {
        String hint = "give every service on one host its own port";
        if (use.endpoint().defaultPort()) {
            hint += " (" + use.channel().element() + " defaults to port " + use.channel().defaultPort()
                    + "; set <" + use.channel().element() + " port=\"...\"/> in " + use.node().label() + ")";
        }
        problems.at(use.endpoint().pos(), use.describe() + " clashes with " + first.describe() + " at line "
                + first.endpoint().pos().line(), hint);
    }

    private void advertisable(NodeDraft node) {
        if (node.advertise != null && node.roles != null && !node.roles.isEmpty()
                && HostPort.isWildcardHost(node.advertise)) {
            problems.at(node.advertisePos, node.label() + " would advertise " + node.advertise + " to NFS clients",
                    "set advertise=\"...\" on the <clusternode> to an address clients can reach");
        }
    }

    private void fenceDevicesDefined(NodeDraft node, List<String> fenceDeviceNames) {
        for (NodeDraft.DeviceUse use : node.deviceUses) {
            if (!fenceDeviceNames.contains(use.device())) {
                String hint = Suggest.closest(use.device(), fenceDeviceNames)
                        .map(s -> "did you mean \"" + s + "\"?")
                        .orElse("define it in <fencedevices> as <fencedevice name=\"" + use.device()
                                + "\" agent=\"...\"/>");
                problems.at(use.nameAttr(), "fence device \"" + use.device() + "\" used by " + node.label()
                        + " is not defined in <fencedevices>", hint);
            }
        }
    }

    private void rolesPresent(List<NodeDraft> nodes, XmlElement clusternodes) {
        if (nodes.isEmpty() || nodes.stream().anyMatch(n -> n.roles == null)) {
            return;
        }
        if (nodes.stream().noneMatch(n -> n.roles.contains(Role.MDS))) {
            problems.at(clusternodes, "no node has the mds role",
                    "add roles=\"mds,ds\" to at least one <clusternode>; two or more give MDS failover");
        }
        if (nodes.stream().noneMatch(n -> n.roles.contains(Role.DS))) {
            problems.at(clusternodes, "no node has the ds role",
                    "add ds to the roles of at least one <clusternode>, e.g. roles=\"mds,ds\"");
        }
    }
}
