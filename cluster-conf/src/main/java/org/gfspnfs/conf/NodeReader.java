package org.gfspnfs.conf;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one {@code <clusternode>}: identity, votes, roles, endpoints and fence methods. */
final class NodeReader {

    static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Problems problems;
    private final Values values;

    NodeReader(Problems problems) {
        this.problems = problems;
        this.values = new Values(problems);
    }

    NodeDraft read(XmlElement element) {
        NodeDraft node = new NodeDraft(element);
        node.nameAttr = values.required(element, "name",
                "add name=\"...\": the node's host name, unique in the cluster");
        if (node.nameAttr != null) {
            node.name = checkedName(node.nameAttr);
        }
        node.nodeIdAttr = values.required(element, "nodeid",
                "add nodeid=\"N\" with a number from 1 to " + ConfDefaults.MAX_NODE_ID + ", unique in the cluster");
        if (node.nodeIdAttr != null) {
            node.nodeId = values.integer(node.nodeIdAttr, 1, ConfDefaults.MAX_NODE_ID);
        }
        node.votesAttr = element.attr("votes").orElse(null);
        node.votes = node.votesAttr == null ? Integer.valueOf(ConfDefaults.VOTES)
                : values.integer(node.votesAttr, 0, ConfDefaults.MAX_VOTES);
        Optional<XmlAttr> rolesAttr = element.attr("roles");
        node.roles = rolesAttr.isPresent() ? roles(rolesAttr.get()) : Set.of(Role.DS);
        readAddresses(node);
        element.child("fence").ifPresent(fence -> readFence(node, fence));
        return node;
    }

    private String checkedName(XmlAttr attr) {
        if (!NODE_NAME.matcher(attr.value()).matches()) {
            problems.at(attr, "node name \"" + attr.value() + "\" is not valid",
                    "use the host name: up to 64 letters, digits, '.', '-' or '_'");
            return null;
        }
        return attr.value();
    }

    private Set<Role> roles(XmlAttr attr) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean valid = true;
        for (String word : attr.value().strip().split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            Optional<Role> role = Role.fromConfName(word);
            if (role.isPresent()) {
                roles.add(role.get());
            } else {
                valid = false;
                String suggestion = Suggest.closest(word, List.of("mds", "ds"))
                        .map(s -> "did you mean \"" + s + "\"? ").orElse("");
                problems.at(attr, "unknown role \"" + word + "\" in " + attr.quoted(),
                        suggestion + "roles are mds and ds, e.g. roles=\"mds,ds\"");
            }
        }
        return valid ? roles : null;
    }

    private void readAddresses(NodeDraft node) {
        XmlElement element = node.element;
        Optional<XmlAttr> addressAttr = element.attr("address");
        node.address = addressAttr.isPresent() ? values.host(addressAttr.get()) : node.name;
        if (addressAttr.isEmpty() && node.name != null && !Values.isHost(node.name)) {
            problems.at(node.nameAttr, "node name \"" + node.name + "\" is not a host name, and no address is given",
                    "add address=\"...\" (an IP address or host name) to the <clusternode>");
            node.address = null;
        }
        Pos addressPos = addressAttr.map(XmlAttr::pos).orElse(element.pos());
        Optional<XmlAttr> advertiseAttr = element.attr("advertise");
        node.advertise = advertiseAttr.isPresent() ? values.host(advertiseAttr.get()) : node.address;
        node.advertisePos = advertiseAttr.map(XmlAttr::pos).orElse(addressPos);
        for (Channel channel : Channel.values()) {
            Optional<XmlElement> endpoint = element.child(channel.element());
            Optional<XmlAttr> host = endpoint.flatMap(e -> e.attr("address"));
            Optional<XmlAttr> port = endpoint.flatMap(e -> e.attr("port"));
            String hostValue = host.isPresent() ? values.host(host.get()) : node.address;
            Integer portValue = port.isPresent() ? values.integer(port.get(), 1, 65535)
                    : Integer.valueOf(channel.defaultPort());
            Pos pos = port.map(XmlAttr::pos).orElse(endpoint.map(XmlElement::pos).orElse(element.pos()));
            HostPort hostPort = hostValue == null || portValue == null ? null : new HostPort(hostValue, portValue);
            node.endpoints.put(channel, new NodeDraft.Endpoint(hostPort, pos, port.isEmpty()));
        }
    }

    private void readFence(NodeDraft node, XmlElement fence) {
        Map<String, XmlElement> methodNames = new HashMap<>();
        List<XmlElement> methods = fence.children("method");
        for (int i = 0; i < methods.size(); i++) {
            XmlElement method = methods.get(i);
            Optional<XmlAttr> nameAttr = method.attr("name");
            String name = nameAttr.map(XmlAttr::value).orElse(String.valueOf(i + 1));
            XmlElement first = methodNames.putIfAbsent(name, method);
            if (first != null) {
                problems.at(nameAttr.map(XmlAttr::pos).orElse(method.pos()),
                        "fence method \"" + name + "\" of " + node.label() + " is defined twice",
                        "give each <method> its own name (the first is at line " + first.pos().line() + ")");
                continue;
            }
            List<FenceDeviceRef> refs = method.children("device").stream()
                    .map(device -> deviceRef(node, device)).filter(ref -> ref != null).toList();
            if (method.children("device").isEmpty()) {
                problems.at(method, "fence method \"" + name + "\" of " + node.label() + " has no <device>",
                        "add <device name=\"...\"/> naming a <fencedevice>, or remove the empty method");
            } else if (refs.size() == method.children("device").size()) {
                node.fenceMethods.add(new FenceMethod(name, refs));
            }
        }
    }

    private FenceDeviceRef deviceRef(NodeDraft node, XmlElement device) {
        XmlAttr nameAttr = values.required(device, "name", "add name=\"...\" naming a <fencedevice>");
        if (nameAttr == null) {
            return null;
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        device.attributes().values().stream().filter(a -> !a.name().equals("name"))
                .forEach(a -> arguments.put(a.name(), a.value()));
        node.deviceUses.add(new NodeDraft.DeviceUse(nameAttr.value(), nameAttr));
        return new FenceDeviceRef(nameAttr.value(), arguments);
    }
}
