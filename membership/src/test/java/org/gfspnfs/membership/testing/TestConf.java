package org.gfspnfs.membership.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterConfParser;

/**
 * Writes a small cluster.conf for tests: n nodes on 127.0.0.1 with free ports, short timings, fencing as given.
 */
public final class TestConf {
    private final Path dir;
    private int nodes = 3;
    private int configVersion = 1;
    private String quorum = "";
    private String timing = "<timing heartbeat=\"1s\" failure_timeout=\"3s\" fence_timeout=\"2s\" "
            + "post_join_delay=\"0s\" self_fence_timeout=\"3s\" watchdog_timeout=\"500ms\" "
            + "poison_pill_wait=\"1s\"/>";
    private String fenceDevices = "<fencedevice name=\"pill\" agent=\"disk\"/>";
    private IntFunction<String> nodeFence = id -> "<method name=\"disk\"><device name=\"pill\"/></method>";
    private int[] membershipPorts;
    private IntFunction<String> address = id -> "127.0.0.1";

    private TestConf(Path dir) {
        this.dir = dir;
    }

    public static TestConf in(Path dir) {
        return new TestConf(dir);
    }

    public TestConf nodes(int n) {
        this.nodes = n;
        return this;
    }

    public TestConf configVersion(int version) {
        this.configVersion = version;
        return this;
    }

    public TestConf twoNode() {
        this.nodes = 2;
        this.quorum = "<quorum two_node=\"1\" expected_votes=\"2\" wait_for_all=\"0\"/>";
        return this;
    }

    public TestConf timing(String timingElement) {
        this.timing = timingElement;
        return this;
    }

    /** Fence devices (inner XML of fencedevices) and each node's methods (inner XML of fence). */
    public TestConf fencing(String devices, IntFunction<String> methods) {
        this.fenceDevices = devices;
        this.nodeFence = methods;
        return this;
    }

    /** Each node's address (default 127.0.0.1 for all). */
    public TestConf addresses(IntFunction<String> byNodeId) {
        this.address = byNodeId;
        return this;
    }

    /** Reuses the membership ports of another conf (same cluster, other config). */
    public TestConf samePortsAs(TestConf other) {
        this.membershipPorts = other.membershipPorts;
        return this;
    }

    /** Writes {@code name} into the directory and parses it. */
    public ClusterConf write(String name) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, xml());
            return ClusterConfParser.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    private String xml() {
        if (membershipPorts == null) {
            membershipPorts = freePorts(nodes, new int[0]);
        } else if (membershipPorts.length < nodes) {
            int[] more = freePorts(nodes - membershipPorts.length, membershipPorts);
            int[] all = java.util.Arrays.copyOf(membershipPorts, nodes);
            System.arraycopy(more, 0, all, membershipPorts.length, more.length);
            membershipPorts = all;
        }
        int[] others = freePorts(nodes * 4, membershipPorts);
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cluster name=\"testc\" config_version=\"")
                .append(configVersion).append("\">\n").append(quorum).append('\n').append(timing).append('\n')
                .append("<filesystem name=\"gfs0\" device=\"disk.img\" journals=\"").append(nodes)
                .append("\"/>\n<fencedevices>").append(fenceDevices).append("</fencedevices>\n<clusternodes>\n");
        for (int i = 1; i <= nodes; i++) {
            int o = (i - 1) * 4;
            s.append("<clusternode name=\"node").append(i).append("\" nodeid=\"").append(i)
                    .append("\" roles=\"mds,ds\" address=\"").append(address.apply(i)).append("\">")
                    .append("<membership port=\"").append(membershipPorts[i - 1]).append("\"/>")
                    .append("<dlm port=\"").append(others[o]).append("\"/>")
                    .append("<control port=\"").append(others[o + 1]).append("\"/>")
                    .append("<nfs_mds port=\"").append(others[o + 2]).append("\"/>")
                    .append("<nfs_ds port=\"").append(others[o + 3]).append("\"/>");
            String fence = nodeFence.apply(i);
            if (!fence.isEmpty()) {
                s.append("<fence>").append(fence).append("</fence>");
            }
            s.append("</clusternode>\n");
        }
        return s.append("</clusternodes>\n</cluster>\n").toString();
    }

    /** n distinct free ports, none of {@code taken} (the OS hands a just-closed port out again). */
    private static int[] freePorts(int n, int[] taken) {
        Set<Integer> seen = new HashSet<>();
        for (int port : taken) {
            seen.add(port);
        }
        int[] ports = new int[n];
        for (int i = 0; i < n; i++) {
            do {
                try (ServerSocket socket = new ServerSocket(0)) {
                    ports[i] = socket.getLocalPort();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } while (!seen.add(ports[i]));
        }
        return ports;
    }
}
