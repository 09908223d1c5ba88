package org.gfspnfs.node.cli.conf;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gfspnfs.conf.Channel;
import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.FenceDevice;
import org.gfspnfs.conf.FenceDeviceRef;
import org.gfspnfs.conf.FenceMethod;
import org.gfspnfs.conf.HostPort;
import org.gfspnfs.conf.Role;
import org.gfspnfs.conf.Timing;
import org.gfspnfs.conf.VoteQuorum;

/** The human summary of a valid cluster.conf: nodes table, quorum, fencing, filesystem, timing. */
final class ConfSummary {

    private static final String MASK = "********";

    private final Path file;
    private final ClusterConf conf;

    ConfSummary(Path file, ClusterConf conf) {
        this.file = file;
        this.conf = conf;
    }

    void print(PrintWriter out) {
        out.println(file + ": valid: cluster \"" + conf.name() + "\", config_version " + conf.configVersion()
                + ", " + conf.nodes().size() + (conf.nodes().size() == 1 ? " node" : " nodes"));
        out.println();
        out.println("Nodes");
        nodesTable(out);
        out.println();
        out.println("Quorum");
        quorum(out);
        out.println();
        out.println("Fencing");
        fencing(out);
        out.println();
        out.println("Filesystem");
        out.println("  " + conf.filesystem().name() + " on " + conf.filesystem().device() + ", lock table "
                + conf.filesystem().lockTable() + ", " + conf.filesystem().journals() + " journals");
        out.println("  control-channel key: " + conf.keyFile()
                + (Files.exists(conf.keyFile()) ? "" : " (not there yet: create it before starting the nodes)"));
        out.println();
        out.println("Timing");
        timing(out, conf.timing());
    }

    private void nodesTable(PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAME", "ID", "VOTES", "ROLES", "MEMBERSHIP", "DLM", "CONTROL", "NFS MDS", "NFS DS",
                "ADVERTISE"));
        for (ClusterNode node : conf.nodes()) {
            String roles = node.roles().isEmpty() ? "-"
                    : node.roles().stream().map(Role::confName).collect(Collectors.joining(","));
            rows.add(List.of(node.name(), String.valueOf(node.nodeId()), String.valueOf(node.votes()), roles,
                    endpoint(node, Channel.MEMBERSHIP), endpoint(node, Channel.DLM), endpoint(node, Channel.CONTROL),
                    endpoint(node, Channel.NFS_MDS), endpoint(node, Channel.NFS_DS), node.advertise()));
        }
        printTable(out, rows);
    }

    /** An endpoint the node does not listen on (no role for it) shows as "-". */
    private static String endpoint(ClusterNode node, Channel channel) {
        HostPort listening = node.listeningEndpoints().get(channel);
        return listening == null ? "-" : listening.toString();
    }

    private void quorum(PrintWriter out) {
        VoteQuorum start = conf.newVoteQuorum();
        out.println("  expected votes " + conf.quorum().expectedVotes() + " (configured nodes have "
                + conf.totalVotes() + "), quorum " + start.quorum() + " votes");
        out.println("  two_node " + onOff(conf.quorum().twoNode()) + ", wait_for_all "
                + onOff(conf.quorum().waitForAll()));
        int tolerated = toleratedFailures();
        out.println("  stays quorate with any " + tolerated + (tolerated == 1 ? " node" : " nodes") + " down"
                + (conf.quorum().waitForAll() ? " (after all nodes were up together once)" : ""));
        List<String> mds = conf.mdsCandidates().stream().map(ClusterNode::name).toList();
        out.println("  MDS: " + mds.get(0) + " active"
                + (mds.size() > 1 ? "; takes over in order: " + String.join(", ", mds.subList(1, mds.size())) : "")
                + "; DS on " + conf.dataServers().size() + " of " + conf.nodes().size() + " nodes");
    }

    /** Worst case: the nodes with the most votes fail first. */
    private int toleratedFailures() {
        List<ClusterNode> byVotes = conf.nodes().stream()
                .sorted(Comparator.comparingInt(ClusterNode::votes).reversed()).toList();
        int quorum = VoteQuorum.quorumFor(conf.quorum().expectedVotes(), conf.quorum().twoNode());
        int remaining = conf.totalVotes();
        int failed = 0;
        for (ClusterNode node : byVotes) {
            if (remaining - node.votes() < quorum) {
                break;
            }
            remaining -= node.votes();
            failed++;
        }
        return failed;
    }

    private void fencing(PrintWriter out) {
        if (conf.fenceDevices().isEmpty()) {
            out.println("  no fence devices defined");
        }
        for (FenceDevice device : conf.fenceDevices()) {
            String agent = switch (device.kind()) {
                case DISK -> "built-in disk poison pill";
                case MANUAL -> "built-in manual (operator runs gfsctl fence-ack)";
                case EXEC -> "agent " + device.agent();
            };
            out.println("  device " + device.name() + ": " + agent + arguments(device.attributes()));
        }
        for (ClusterNode node : conf.nodes()) {
            if (node.fenceMethods().isEmpty()) {
                out.println("  " + node.name() + ": no methods configured (disk poison pill only)");
                continue;
            }
            List<String> methods = new ArrayList<>();
            for (int i = 0; i < node.fenceMethods().size(); i++) {
                FenceMethod method = node.fenceMethods().get(i);
                String devices = method.devices().stream()
                        .map(ref -> ref.device() + arguments(ref.attributes())).collect(Collectors.joining(" + "));
                methods.add((i + 1) + ". " + method.name() + ": " + devices);
            }
            out.println("  " + node.name() + ": " + String.join("   ", methods));
        }
    }

    private static String arguments(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "";
        }
        return attributes.entrySet().stream().map(e -> e.getKey() + "=" + shown(e.getKey(), e.getValue()))
                .collect(Collectors.joining(" ", " [", "]"));
    }

    /** Passwords in fence device attributes are not for terminals or CI logs. */
    static String shown(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean secret = lower.equals("passwd") || lower.equals("password") || lower.contains("secret");
        return secret ? MASK : value;
    }

    private static void timing(PrintWriter out, Timing t) {
        out.println("  heartbeat " + d(t.heartbeat()) + ", failure timeout " + d(t.failureTimeout())
                + ", post-fail delay " + d(t.postFailDelay()) + ", post-join delay " + d(t.postJoinDelay()));
        out.println("  fence agent timeout " + d(t.fenceTimeout()) + ", self-fence after " + d(t.selfFenceTimeout())
                + " inquorate, disk watchdog " + d(t.watchdogTimeout()) + ", poison pill wait "
                + d(t.poisonPillWait()));
    }

    private static String d(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }

    private static void printTable(PrintWriter out, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                line.append(row.get(i));
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            out.println(line);
        }
    }
}
