package org.gfspnfs.control.testkit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.cli.GfsctlMain;
import org.gfspnfs.control.client.ClusterDirectory;
import org.gfspnfs.control.server.ControlServer;

import picocli.CommandLine;

/**
 * Three control-channel servers on 127.0.0.1 ephemeral ports, each serving a {@link FakeNode} of one shared
 * {@link FakeCluster}, with the cluster.conf and key file a demo would write into its folder. node1 has the MDS role.
 * Optionally node3 is replaced by a {@link SilentPeer}. Runs gfsctl in-process with captured output.
 */
public final class ThreeNodeCluster implements AutoCloseable {
    /** What one gfsctl run printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    public static final List<String> NAMES = List.of("node1", "node2", "node3");

    private final Path dir;
    private final FakeCluster cluster;
    private final List<FakeNode> nodes = new ArrayList<>();
    private final List<ControlServer> servers = new ArrayList<>();
    private final SilentPeer silent;
    private final Path conf;
    private final Path keyFile;
    private final ClusterKey key;

    private ThreeNodeCluster(Path dir, boolean silentNode3) throws IOException {
        this.dir = dir;
        this.cluster = new FakeCluster(Clock.systemUTC(), NAMES).lockspace("fs1");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        keyFile = dir.resolve("cluster.key");
        Files.write(keyFile, secret);
        key = ClusterKey.of(secret);
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String name : NAMES) {
            FakeNode node = new FakeNode(cluster, name, name.equals("node1"));
            nodes.add(node);
            if (silentNode3 && name.equals("node3")) {
                continue;
            }
            ControlServer server = ControlServer.builder().key(key).nodeName(name)
                    .address(new InetSocketAddress("127.0.0.1", 0)).providers(node.providers()).build().start();
            servers.add(server);
            addresses.add(server.address());
        }
        silent = silentNode3 ? new SilentPeer() : null;
        if (silent != null) {
            addresses.add(silent.address());
        }
        conf = dir.resolve("cluster.conf");
        Files.writeString(conf, clusterConf(addresses), StandardCharsets.UTF_8);
    }

    public static ThreeNodeCluster start(Path dir) throws IOException {
        return new ThreeNodeCluster(dir, false);
    }

    /** node1 and node2 serve; node3 accepts connections and never answers. */
    public static ThreeNodeCluster startWithSilentNode3(Path dir) throws IOException {
        return new ThreeNodeCluster(dir, true);
    }

    public FakeCluster state() {
        return cluster;
    }

    public FakeNode node(int index) {
        return nodes.get(index);
    }

    public ControlServer server(int index) {
        return servers.get(index);
    }

    public List<ControlServer> servers() {
        return servers;
    }

    public Path conf() {
        return conf;
    }

    public Path dir() {
        return dir;
    }

    public ClusterKey key() {
        return key;
    }

    /** Runs {@code gfsctl --conf <this cluster's conf> ARGS...} in-process. */
    public Run gfsctl(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--conf")) {
            all.add(1, "--conf");
            all.add(2, conf.toString());
        }
        return gfsctlRaw(all.toArray(String[]::new));
    }

    /** Runs gfsctl with exactly these arguments. */
    public static Run gfsctlRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = GfsctlMain.commandLine(ClusterDirectory::load, Clock.systemUTC(), "gfsctl@test");
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String clusterConf(List<InetSocketAddress> control) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<cluster name=\"test\" config_version=\"1\">\n")
                .append("  <quorum expected_votes=\"3\"/>\n")
                .append("  <control_channel key_file=\"cluster.key\"/>\n")
                .append("  <filesystem name=\"gfs0\" device=\"disk.img\" lock_table=\"test:gfs0\" journals=\"3\"/>\n")
                .append("  <clusternodes>\n");
        for (int i = 0; i < NAMES.size(); i++) {
            // Below the ephemeral range (32768+), so the ephemeral control ports bound above can never clash with them.
            int base = 21000 + 10 * i;
            sb.append("    <clusternode name=\"").append(NAMES.get(i)).append("\" nodeid=\"").append(i + 1)
                    .append("\" votes=\"1\" roles=\"").append(i == 0 ? "mds,ds" : "ds")
                    .append("\" address=\"127.0.0.1\">\n")
                    .append("      <membership port=\"").append(base).append("\"/>\n")
                    .append("      <dlm port=\"").append(base + 1).append("\"/>\n")
                    .append("      <control port=\"").append(control.get(i).getPort()).append("\"/>\n")
                    .append("      <nfs_mds port=\"").append(base + 3).append("\"/>\n")
                    .append("      <nfs_ds port=\"").append(base + 4).append("\"/>\n")
                    .append("    </clusternode>\n");
        }
        return sb.append("  </clusternodes>\n</cluster>\n").toString();
    }

    @Override
    public void close() throws IOException {
        for (ControlServer s : servers) {
            s.close();
        }
        if (silent != null) {
            silent.close();
        }
    }
}
