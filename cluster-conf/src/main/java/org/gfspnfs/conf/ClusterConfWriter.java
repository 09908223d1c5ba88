package org.gfspnfs.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a {@link ClusterConf} as {@code cluster.conf} XML that {@link ClusterConfParser} reads back to an equal
 * model. Every value is written out, defaults included, so the file documents the cluster completely. Timings are
 * written with millisecond precision.
 */
public final class ClusterConfWriter {

    private ClusterConfWriter() {
    }

    /**
     * Writes {@code conf} to {@code file} atomically (a temporary file renamed over it), with paths under the
     * file's directory written relative to it.
     */
    public static void write(ClusterConf conf, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, toXml(conf, dir), StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The XML text; paths under {@code baseDir} are written relative to it (pass the directory the file will be
     * in), others absolute.
     */
    public static String toXml(ClusterConf conf, Path baseDir) {
        Path base = baseDir.toAbsolutePath().normalize();
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<cluster").append(attr("name", conf.name()))
                .append(attr("config_version", String.valueOf(conf.configVersion()))).append(">\n");
        QuorumConf quorum = conf.quorum();
        out.append("  <quorum").append(attr("expected_votes", String.valueOf(quorum.expectedVotes())))
                .append(attr("two_node", flag(quorum.twoNode())))
                .append(attr("wait_for_all", flag(quorum.waitForAll()))).append("/>\n");
        timing(out, conf.timing());
        out.append("  <control_channel").append(attr("key_file", path(conf.keyFile(), base))).append("/>\n");
        FilesystemConf fs = conf.filesystem();
        out.append("  <filesystem").append(attr("name", fs.name())).append(attr("device", path(fs.device(), base)))
                .append(attr("lock_table", fs.lockTable().toString()))
                .append(attr("journals", String.valueOf(fs.journals()))).append("/>\n");
        if (!conf.fenceDevices().isEmpty()) {
            out.append("  <fencedevices>\n");
            for (FenceDevice device : conf.fenceDevices()) {
                out.append("    <fencedevice").append(attr("name", device.name()))
                        .append(attr("agent", device.agent())).append(attrs(device.attributes())).append("/>\n");
            }
            out.append("  </fencedevices>\n");
        }
        out.append("  <clusternodes>\n");
        conf.nodes().forEach(node -> node(out, node));
        out.append("  </clusternodes>\n");
        out.append("</cluster>\n");
        return out.toString();
    }

    private static void timing(StringBuilder out, Timing timing) {
        out.append("  <timing").append(attr("heartbeat", duration(timing.heartbeat())))
                .append(attr("failure_timeout", duration(timing.failureTimeout())))
                .append(attr("fence_timeout", duration(timing.fenceTimeout())))
                .append(attr("post_fail_delay", duration(timing.postFailDelay())))
                .append(attr("post_join_delay", duration(timing.postJoinDelay())))
                .append(attr("self_fence_timeout", duration(timing.selfFenceTimeout())))
                .append(attr("watchdog_timeout", duration(timing.watchdogTimeout())))
                .append(attr("poison_pill_wait", duration(timing.poisonPillWait()))).append("/>\n");
    }

    private static void node(StringBuilder out, ClusterNode node) {
        String roles = node.roles().stream().map(Role::confName).collect(Collectors.joining(","));
        out.append("    <clusternode").append(attr("name", node.name()))
                .append(attr("nodeid", String.valueOf(node.nodeId())))
                .append(attr("votes", String.valueOf(node.votes()))).append(attr("roles", roles))
                .append(attr("address", node.membership().host())).append(attr("advertise", node.advertise()))
                .append(">\n");
        for (Channel channel : Channel.values()) {
            HostPort endpoint = node.endpoint(channel);
            out.append("      <").append(channel.element()).append(attr("address", endpoint.host()))
                    .append(attr("port", String.valueOf(endpoint.port()))).append("/>\n");
        }
        if (!node.fenceMethods().isEmpty()) {
            out.append("      <fence>\n");
            for (FenceMethod method : node.fenceMethods()) {
                out.append("        <method").append(attr("name", method.name())).append(">\n");
                for (FenceDeviceRef ref : method.devices()) {
                    out.append("          <device").append(attr("name", ref.device()))
                            .append(attrs(ref.attributes())).append("/>\n");
                }
                out.append("        </method>\n");
            }
            out.append("      </fence>\n");
        }
        out.append("    </clusternode>\n");
    }

    private static String duration(java.time.Duration duration) {
        return TimingReader.format(duration);
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private static String path(Path path, Path base) {
        Path normalized = path.toAbsolutePath().normalize();
        return normalized.startsWith(base) && !normalized.equals(base)
                ? base.relativize(normalized).toString() : normalized.toString();
    }

    private static String attrs(Map<String, String> attributes) {
        StringBuilder out = new StringBuilder();
        attributes.forEach((name, value) -> out.append(attr(name, value)));
        return out.toString();
    }

    private static String attr(String name, String value) {
        return " " + name + "=\"" + escape(value) + "\"";
    }

    /** Escapes for a double-quoted attribute; whitespace control characters as references so they survive. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
