package org.gfspnfs.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfWriterTest {

    @Test
    void threeNodeExample_writtenAndReadBack_isTheSameModel(@TempDir Path dir) throws Exception {
        ClusterConf original = ClusterConfParser.parse(Path.of("..", "examples", "three-node.conf"));
        Path copy = dir.resolve("cluster.conf");

        ClusterConfWriter.write(original, copy);

        assertThat(ClusterConfParser.parse(copy)).isEqualTo(original);
    }

    @Test
    void demoBuiltModel_withEveryKindOfValue_roundTrips(@TempDir Path dir) throws Exception {
        ClusterConf built = demoCluster(dir);
        Path file = dir.resolve("cluster.conf");

        ClusterConfWriter.write(built, file);
        String xml = Files.readString(file);

        assertThat(ClusterConfParser.parse(file)).isEqualTo(built);
        assertThat(xml).contains("device=\"shared.img\"", "key_file=\"keys/cluster.key\"",
                "passwd=\"p&amp;ss&quot;&lt;word&gt;\"", "roles=\"\"", "failure_timeout=\"2500ms\"");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    /** What the demo does: build the model for N loopback nodes in code, write it, let each node parse it. */
    private static ClusterConf demoCluster(Path dir) {
        Map<String, String> ipmi = new LinkedHashMap<>();
        ipmi.put("ipaddr", "10.9.0.1");
        ipmi.put("passwd", "p&ss\"<word>");
        List<FenceDevice> devices = List.of(new FenceDevice("ipmi", "fence_ipmilan", ipmi),
                new FenceDevice("pill", "disk", Map.of("device", dir.resolve("shared.img").toString())));
        List<FenceMethod> methods = List.of(
                new FenceMethod("power", List.of(new FenceDeviceRef("ipmi", Map.of("port", "7")))),
                new FenceMethod("disk", List.of(new FenceDeviceRef("pill", Map.of()))));
        List<ClusterNode> nodes = List.of(
                node("n1", 1, Set.of(Role.MDS, Role.DS), 0, methods),
                node("n2", 2, Set.of(Role.MDS, Role.DS), 100, methods),
                node("n3", 3, Set.of(), 200, List.of()));
        Timing timing = new Timing(Duration.ofMillis(500), Duration.ofMillis(2500), Duration.ofMinutes(2),
                Duration.ZERO, Duration.ofSeconds(6), Duration.ofSeconds(20), Duration.ofSeconds(4),
                Duration.ofSeconds(8));
        return new ClusterConf("demo", 42, new QuorumConf(3, false, true), timing,
                dir.resolve("keys/cluster.key"),
                new FilesystemConf("gfs0", dir.resolve("shared.img"), new LockTable("demo", "gfs0"), 4),
                devices, nodes);
    }

    private static ClusterNode node(String name, int id, Set<Role> roles, int portOffset, List<FenceMethod> fence) {
        Map<Channel, HostPort> endpoints = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            endpoints.put(channel, new HostPort("127.0.0.1", channel.defaultPort() + portOffset));
        }
        return new ClusterNode(name, id, 1, roles, endpoints, "127.0.0.1", fence);
    }
}
