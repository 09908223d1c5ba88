package org.gfspnfs.node.cli.conf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gfspnfs.conf.Channel;
import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.ConfProblem;
import org.gfspnfs.conf.FenceDevice;
import org.gfspnfs.conf.FenceDeviceRef;
import org.gfspnfs.conf.FenceMethod;
import org.gfspnfs.conf.Role;
import org.gfspnfs.conf.Timing;

/**
 * The {@code conf check --json} output: one object, keys always present and in this order (format version 1).
 *
 * <pre>
 * valid:   {"format":1, "file":F, "valid":true,
 *           "cluster":{"name", "config_version"},
 *           "quorum":{"expected_votes", "total_votes", "quorum", "two_node", "wait_for_all"},
 *           "timing":{"heartbeat_ms", "failure_timeout_ms", "fence_timeout_ms", "post_fail_delay_ms",
 *                     "post_join_delay_ms", "self_fence_timeout_ms", "watchdog_timeout_ms", "poison_pill_wait_ms"},
 *           "filesystem":{"name", "device", "lock_table", "journals"},
 *           "control_channel":{"key_file"},
 *           "fence_devices":[{"name", "agent", "kind":"disk|manual|exec", "attributes":{..}}],
 *           "nodes":[{"name", "nodeid", "votes", "roles":["mds","ds"], "advertise",
 *                     "endpoints":{"membership":"host:port", "dlm", "control", "nfs_mds", "nfs_ds"},
 *                     "fence":[{"method", "devices":[{"name", "attributes":{..}}]}]}],
 *           "mds_candidates":[node names, preference order], "problems":[]}
 * invalid: {"format":1, "file":F, "valid":false,
 *           "problems":[{"file", "line", "column", "message", "hint"}]}   (sorted by position)
 * </pre>
 * A file that cannot be read is "invalid" with one problem whose line and column are null. Password attributes
 * of fence devices are masked.
 */
final class ConfJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfJson() {
    }

    static String valid(Path file, ClusterConf conf) {
        ObjectNode root = header(file, true);
        ObjectNode cluster = root.putObject("cluster");
        cluster.put("name", conf.name());
        cluster.put("config_version", conf.configVersion());
        ObjectNode quorum = root.putObject("quorum");
        quorum.put("expected_votes", conf.quorum().expectedVotes());
        quorum.put("total_votes", conf.totalVotes());
        quorum.put("quorum", conf.newVoteQuorum().quorum());
        quorum.put("two_node", conf.quorum().twoNode());
        quorum.put("wait_for_all", conf.quorum().waitForAll());
        timing(root.putObject("timing"), conf.timing());
        ObjectNode fs = root.putObject("filesystem");
        fs.put("name", conf.filesystem().name());
        fs.put("device", conf.filesystem().device().toString());
        fs.put("lock_table", conf.filesystem().lockTable().toString());
        fs.put("journals", conf.filesystem().journals());
        root.putObject("control_channel").put("key_file", conf.keyFile().toString());
        ArrayNode devices = root.putArray("fence_devices");
        for (FenceDevice device : conf.fenceDevices()) {
            ObjectNode d = devices.addObject();
            d.put("name", device.name());
            d.put("agent", device.agent());
            d.put("kind", device.kind().name().toLowerCase(java.util.Locale.ROOT));
            attributes(d.putObject("attributes"), device.attributes());
        }
        ArrayNode nodes = root.putArray("nodes");
        conf.nodes().forEach(node -> node(nodes.addObject(), node));
        ArrayNode candidates = root.putArray("mds_candidates");
        conf.mdsCandidates().forEach(n -> candidates.add(n.name()));
        root.putArray("problems");
        return write(root);
    }

    static String invalid(Path file, List<ConfProblem> problems) {
        ObjectNode root = header(file, false);
        ArrayNode list = root.putArray("problems");
        for (ConfProblem problem : problems) {
            ObjectNode p = list.addObject();
            p.put("file", problem.file());
            p.put("line", problem.line());
            p.put("column", problem.column());
            p.put("message", problem.message());
            p.put("hint", problem.hint());
        }
        return write(root);
    }

    static String unreadable(Path file, String reason) {
        ObjectNode root = header(file, false);
        ObjectNode p = root.putArray("problems").addObject();
        p.put("file", file.toString());
        p.putNull("line");
        p.putNull("column");
        p.put("message", reason);
        p.put("hint", "check the path and its permissions");
        return write(root);
    }

    private static ObjectNode header(Path file, boolean valid) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", 1);
        root.put("file", file.toString());
        root.put("valid", valid);
        return root;
    }

    private static void timing(ObjectNode t, Timing timing) {
        t.put("heartbeat_ms", millis(timing.heartbeat()));
        t.put("failure_timeout_ms", millis(timing.failureTimeout()));
        t.put("fence_timeout_ms", millis(timing.fenceTimeout()));
        t.put("post_fail_delay_ms", millis(timing.postFailDelay()));
        t.put("post_join_delay_ms", millis(timing.postJoinDelay()));
        t.put("self_fence_timeout_ms", millis(timing.selfFenceTimeout()));
        t.put("watchdog_timeout_ms", millis(timing.watchdogTimeout()));
        t.put("poison_pill_wait_ms", millis(timing.poisonPillWait()));
    }

    private static void node(ObjectNode n, ClusterNode node) {
        n.put("name", node.name());
        n.put("nodeid", node.nodeId());
        n.put("votes", node.votes());
        ArrayNode roles = n.putArray("roles");
        node.roles().stream().map(Role::confName).forEach(roles::add);
        n.put("advertise", node.advertise());
        ObjectNode endpoints = n.putObject("endpoints");
        for (Channel channel : Channel.values()) {
            endpoints.put(channel.element(), node.endpoint(channel).toString());
        }
        ArrayNode fence = n.putArray("fence");
        for (FenceMethod method : node.fenceMethods()) {
            ObjectNode m = fence.addObject();
            m.put("method", method.name());
            ArrayNode refs = m.putArray("devices");
            for (FenceDeviceRef ref : method.devices()) {
                ObjectNode r = refs.addObject();
                r.put("name", ref.device());
                attributes(r.putObject("attributes"), ref.attributes());
            }
        }
    }

    private static void attributes(ObjectNode target, Map<String, String> attributes) {
        attributes.forEach((name, value) -> target.put(name, ConfSummary.shown(name, value)));
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
