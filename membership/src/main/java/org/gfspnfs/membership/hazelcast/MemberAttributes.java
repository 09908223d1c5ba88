package org.gfspnfs.membership.hazelcast;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.membership.api.Member;

/**
 * The identity a gfs-pnfs process publishes as Hazelcast member attributes, and the check every member applies to
 * every other: same cluster, same {@code config_version}, a node id and name that {@code cluster.conf} pairs.
 * This is our join check (cman refused nodes with another config_version the same way); Hazelcast itself only
 * compares cluster names.
 */
final class MemberAttributes {
    static final String CLUSTER = "gfspnfs.cluster";
    static final String CONFIG_VERSION = "gfspnfs.config_version";
    static final String NODE_ID = "gfspnfs.nodeid";
    static final String NAME = "gfspnfs.name";
    static final String INCARNATION = "gfspnfs.incarnation";

    private MemberAttributes() {
    }

    static Map<String, String> of(ClusterConf conf, ClusterNode node, long incarnation) {
        return Map.of(CLUSTER, conf.name(), CONFIG_VERSION, Integer.toString(conf.configVersion()),
                NODE_ID, Integer.toString(node.nodeId()), NAME, node.name(),
                INCARNATION, Long.toString(incarnation));
    }

    /** A member's identity checked against our configuration. */
    sealed interface Verdict permits Accepted, Refused {
    }

    record Accepted(Member member) implements Verdict {
    }

    record Refused(String reason) implements Verdict {
    }

    /**
     * Checks the attributes of a member (as Hazelcast carries them) against {@code conf}.
     *
     * @param who how to name the member in a refusal (its address)
     */
    static Verdict check(ClusterConf conf, Map<String, String> attributes, String who) {
        String cluster = attributes.get(CLUSTER);
        String version = attributes.get(CONFIG_VERSION);
        Optional<Integer> nodeId = number(attributes.get(NODE_ID)).map(Long::intValue);
        String name = attributes.get(NAME);
        Optional<Long> incarnation = number(attributes.get(INCARNATION));
        if (cluster == null || version == null || nodeId.isEmpty() || name == null || incarnation.isEmpty()) {
            return new Refused(who + " is not a gfs-pnfs node (no node identity attributes)");
        }
        if (!cluster.equals(conf.name())) {
            return new Refused(who + " belongs to cluster '" + cluster + "', not '" + conf.name() + "'");
        }
        if (!version.equals(Integer.toString(conf.configVersion()))) {
            return new Refused(who + " (node " + name + ") runs config_version " + version + ", this node has "
                    + conf.configVersion() + ": install the same cluster.conf everywhere");
        }
        Optional<ClusterNode> byId = conf.nodeById(nodeId.get());
        if (byId.isEmpty()) {
            return new Refused(who + " claims nodeid " + nodeId.get() + ", which is not in cluster.conf");
        }
        if (!byId.get().name().equals(name)) {
            return new Refused(who + " claims name '" + name + "' for nodeid " + nodeId.get()
                    + ", cluster.conf names that node '" + byId.get().name() + "'");
        }
        ClusterNode node = byId.get();
        InetSocketAddress dlm = new InetSocketAddress(node.dlm().host(), node.dlm().port());
        return new Accepted(new Member(node.nodeId(), node.name(), incarnation.get(), dlm));
    }

    private static Optional<Long> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
