package org.gfspnfs.conf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The elements and attributes cluster.conf knows, where each may appear and whether it may repeat. Element names
 * are unique across the file, so a misplaced element can be told where it belongs.
 */
final class Vocabulary {

    /**
     * @param name           element name
     * @param parent         the only element it may appear in (null for the root)
     * @param attributes     known attributes
     * @param openAttributes whether any other attribute is allowed too (fence agent arguments)
     * @param repeatable     whether it may appear more than once in its parent
     */
    record Spec(String name, String parent, List<String> attributes, boolean openAttributes, boolean repeatable) {
    }

    static final String ROOT = "cluster";

    private static final List<String> QUORUM_ATTRIBUTES = List.of("expected_votes", "two_node", "wait_for_all");
    private static final List<String> ENDPOINT_ATTRIBUTES = List.of("address", "port");

    private static final Map<String, Spec> SPECS = specs();

    private Vocabulary() {
    }

    private static Map<String, Spec> specs() {
        Map<String, Spec> specs = new LinkedHashMap<>();
        add(specs, new Spec(ROOT, null, List.of("name", "config_version"), false, false));
        add(specs, single("quorum", ROOT, QUORUM_ATTRIBUTES));
        add(specs, single("cman", ROOT, QUORUM_ATTRIBUTES));
        add(specs, single("timing", ROOT, List.of("heartbeat", "failure_timeout", "fence_timeout",
                "post_fail_delay", "post_join_delay", "self_fence_timeout", "watchdog_timeout", "poison_pill_wait")));
        add(specs, single("totem", ROOT, List.of("token")));
        add(specs, single("fence_daemon", ROOT, List.of("post_fail_delay", "post_join_delay")));
        add(specs, single("control_channel", ROOT, List.of("key_file")));
        add(specs, single("filesystem", ROOT, List.of("name", "device", "lock_table", "journals")));
        add(specs, single("fencedevices", ROOT, List.of()));
        add(specs, new Spec("fencedevice", "fencedevices", List.of("name", "agent"), true, true));
        add(specs, single("clusternodes", ROOT, List.of()));
        add(specs, new Spec("clusternode", "clusternodes",
                List.of("name", "nodeid", "votes", "roles", "address", "advertise"), false, true));
        for (Channel channel : Channel.values()) {
            add(specs, single(channel.element(), "clusternode", ENDPOINT_ATTRIBUTES));
        }
        add(specs, single("fence", "clusternode", List.of()));
        add(specs, new Spec("method", "fence", List.of("name"), false, true));
        add(specs, new Spec("device", "method", List.of("name"), true, true));
        return Map.copyOf(specs);
    }

    private static Spec single(String name, String parent, List<String> attributes) {
        return new Spec(name, parent, attributes, false, false);
    }

    private static void add(Map<String, Spec> specs, Spec spec) {
        specs.put(spec.name(), spec);
    }

    static Optional<Spec> spec(String element) {
        return Optional.ofNullable(SPECS.get(element));
    }

    /** The elements allowed directly inside {@code parent}, in a stable order. */
    static List<String> childrenOf(String parent) {
        return SPECS.values().stream().filter(s -> parent.equals(s.parent())).map(Spec::name).sorted().toList();
    }
}
