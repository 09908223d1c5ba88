package org.gfspnfs.node.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.gfspnfs.conf.Channel;
import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterConfWriter;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.FenceDevice;
import org.gfspnfs.conf.FenceDeviceRef;
import org.gfspnfs.conf.FenceMethod;
import org.gfspnfs.conf.FilesystemConf;
import org.gfspnfs.conf.HostPort;
import org.gfspnfs.conf.LockTable;
import org.gfspnfs.conf.QuorumConf;
import org.gfspnfs.conf.Role;
import org.gfspnfs.conf.Timing;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;

/**
 * A cluster folder as an admin would set it up: a formatted image with a journal per node, cluster.conf (every
 * service on its own free loopback port, failure detection tuned down to seconds), the control-channel key and
 * an exports file. Node n1 has the mds and ds roles, the others ds.
 */
final class ClusterFixture {
    static final String CLUSTER = "tc";
    static final String LOCK_TABLE = CLUSTER + ":gfs0";

    final Path dir;
    final Path confFile;
    final Path image;
    final ClusterConf conf;

    private ClusterFixture(Path dir, Path confFile, Path image, ClusterConf conf) {
        this.dir = dir;
        this.confFile = confFile;
        this.image = image;
        this.conf = conf;
    }

    static ClusterFixture create(Path dir, int nodes) throws IOException {
        return create(dir, nodes, null);
    }

    /**
     * As {@link #create(Path, int)}; with {@code fenceAgent} every node is fenced by that executable (method
     * "power") instead of the implicit disk poison pill.
     */
    static ClusterFixture create(Path dir, int nodes, Path fenceAgent) throws IOException {
        return create(dir, nodes, fenceAgent, 1);
    }

    /** As {@link #create(Path, int, Path)} with the mds role on the first {@code mdsNodes} nodes (failover order). */
    static ClusterFixture create(Path dir, int nodes, Path fenceAgent, int mdsNodes) throws IOException {
        Path image = dir.resolve("disk.img");
        try (FileBlockDevice d = FileBlockDevice.create(image, 64L << 20)) {
            Mkfs.format(d, MkfsOptions.defaults(LOCK_TABLE).withJournals(nodes, 256).withRgrpBlocks(2048));
        }
        Files.writeString(dir.resolve("exports"), "/ 127.0.0.1(rw,no_root_squash)\n");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.write(dir.resolve("cluster.key"), key);
        List<ClusterNode> list = new ArrayList<>();
        List<ServerSocket> held = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            List<FenceMethod> fence = fenceAgent == null ? List.of()
                    : List.of(new FenceMethod("power", List.of(new FenceDeviceRef("pdu", Map.of("port", "" + i)))));
            list.add(node("n" + i, i, i <= mdsNodes ? EnumSet.of(Role.MDS, Role.DS) : EnumSet.of(Role.DS), fence,
                    held));
        }
        for (ServerSocket s : held) {
            s.close();
        }
        List<FenceDevice> devices = fenceAgent == null ? List.of()
                : List.of(new FenceDevice("pdu", fenceAgent.toString(), Map.of("ipaddr", "192.0.2.9")));
        Timing timing = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
        ClusterConf conf = new ClusterConf(CLUSTER, 1, new QuorumConf(nodes, false, false), timing,
                dir.resolve("cluster.key"), new FilesystemConf("gfs0", image, new LockTable(CLUSTER, "gfs0"), nodes),
                devices, list);
        Path confFile = dir.resolve("cluster.conf");
        ClusterConfWriter.write(conf, confFile);
        return new ClusterFixture(dir, confFile, image, conf);
    }

    private static ClusterNode node(String name, int id, EnumSet<Role> roles, List<FenceMethod> fence,
                                    List<ServerSocket> held) throws IOException {
        Map<Channel, HostPort> endpoints = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            endpoints.put(c, new HostPort("127.0.0.1", freePort(held)));
        }
        return new ClusterNode(name, id, 1, roles, endpoints, "127.0.0.1", fence);
    }

    /**
     * A free port below the ephemeral range (32768-60999 on Linux, where outgoing connections would take ports
     * between choosing and binding), kept bound (in {@code held}) until every port of the cluster is chosen.
     */
    private static int freePort(List<ServerSocket> held) throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            try {
                ServerSocket s = new ServerSocket(random.nextInt(20000, 32000), 1,
                        java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                return s.getLocalPort();
            } catch (IOException busy) {
                // taken: try another
            }
        }
        throw new IOException("no free port in 20000-32000");
    }
}
