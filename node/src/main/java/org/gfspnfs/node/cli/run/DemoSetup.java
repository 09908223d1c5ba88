package org.gfspnfs.node.cli.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gfspnfs.conf.Channel;
import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterConfParser;
import org.gfspnfs.conf.ClusterConfWriter;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.ConfException;
import org.gfspnfs.conf.FilesystemConf;
import org.gfspnfs.conf.HostPort;
import org.gfspnfs.conf.LockTable;
import org.gfspnfs.conf.QuorumConf;
import org.gfspnfs.conf.Role;
import org.gfspnfs.conf.Timing;
import org.gfspnfs.gfs.CorruptionException;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.format.Superblock;

/**
 * The demo's working folder: cluster.conf, its control-channel key, an exports file sharing the filesystem root
 * read-write with loopback and the test-VM networks, and a sparse image formatted with a journal per node (at least
 * three) and the disk-fencing area. cluster.conf names either one node (node1, mds+ds, {@link #ports}) or a cluster
 * of N (node1 mds+ds, node2..nodeN ds, {@link #clusterPorts}), all on consecutive ports from PORT.
 */
final class DemoSetup {
    static final String NODE = "node1";
    static final String CLUSTER = "demo";
    static final String FS_NAME = "gfs0";
    static final int JOURNALS = 3;
    static final String HOST = "127.0.0.1";
    /** Loopback, plus the qemu user-network (10.0.2.0/24) and UML (10.77.0.0/16) guests of the VM harness. */
    static final List<String> CLIENTS = List.of("127.0.0.0/8", "10.0.2.0/24", "10.77.0.0/16");
    private static final int BLOCK = 4096;

    private final Path dir;

    DemoSetup(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path confFile() {
        return dir.resolve("cluster.conf");
    }

    Path keyFile() {
        return dir.resolve("cluster.key");
    }

    Path exportsFile() {
        return dir.resolve("exports");
    }

    Path image() {
        return dir.resolve("disk.img");
    }

    /**
     * The demo's ports from {@code port} on: the MDS on {@code port}, {@code dataServers} data servers on the next
     * ports (the first is node1's nfs_ds in cluster.conf, the others are extra local endpoints of the same
     * process), then the control channel, the DLM and membership endpoints. Consecutive, so several demos run
     * side by side with different --port values.
     */
    static Map<Channel, HostPort> ports(int port, int dataServers, String dsHost) {
        Map<Channel, HostPort> endpoints = new EnumMap<>(Channel.class);
        endpoints.put(Channel.NFS_MDS, new HostPort(HOST, port));
        endpoints.put(Channel.NFS_DS, new HostPort(dsHost, port + 1));
        endpoints.put(Channel.CONTROL, new HostPort(HOST, port + dataServers + 1));
        endpoints.put(Channel.DLM, new HostPort(HOST, port + dataServers + 2));
        endpoints.put(Channel.MEMBERSHIP, new HostPort(HOST, port + dataServers + 3));
        return endpoints;
    }

    /**
     * Where the data servers listen: loopback when clients are told 127.0.0.1, else every address (a VM client
     * reaches them through the advertised host address, which need not be an address the demo could bind).
     */
    static String dataServerHost(String advertise) {
        return advertise.startsWith("127.") ? HOST : "0.0.0.0";
    }

    /** The data-server endpoints after node1's own nfs_ds: {@code port + 2 .. port + dataServers}. */
    static List<HostPort> extraDataServers(int port, int dataServers, String listen) {
        List<HostPort> extra = new java.util.ArrayList<>();
        for (int i = 2; i <= dataServers; i++) {
            extra.add(new HostPort(listen, port + i));
        }
        return extra;
    }

    /**
     * Node {@code i}'s endpoints (1-based) in a demo cluster of {@code nodes}: every data server next to the MDS
     * port (P+i), then the control channels (P+N+i), the DLM (P+2N+i) and membership (P+3N+i) of node 1..N, so a
     * cluster uses P..P+4N. Only node1 serves the MDS (on P); the others' nfs_mds endpoint is never opened.
     */
    static Map<Channel, HostPort> clusterPorts(int port, int nodes, int i, String dsHost) {
        Map<Channel, HostPort> endpoints = new EnumMap<>(Channel.class);
        endpoints.put(Channel.NFS_MDS, new HostPort(HOST, port));
        endpoints.put(Channel.NFS_DS, new HostPort(dsHost, port + i));
        endpoints.put(Channel.CONTROL, new HostPort(HOST, port + nodes + i));
        endpoints.put(Channel.DLM, new HostPort(HOST, port + 2 * nodes + i));
        endpoints.put(Channel.MEMBERSHIP, new HostPort(HOST, port + 3 * nodes + i));
        return endpoints;
    }

    /** The name of the demo's node {@code i} (1-based). */
    static String nodeName(int i) {
        return "node" + i;
    }

    /** Journals a new image gets for a demo of {@code nodes}: one per node, at least three (room to grow). */
    static int journalsFor(int nodes) {
        return Math.max(JOURNALS, nodes);
    }

    /**
     * Writes the cluster.conf of a demo cluster of {@code nodes} (node1 mds+ds, the others ds, one vote each,
     * expected votes N, two_node for N = 2) over an image with {@code journals} journals, and reads it back.
     */
    ClusterConf writeClusterConf(int port, int nodes, int journals, String advertise, String listen)
            throws IOException, ConfException {
        Files.createDirectories(dir);
        List<ClusterNode> list = new java.util.ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            EnumSet<Role> roles = i == 1 ? EnumSet.of(Role.MDS, Role.DS) : EnumSet.of(Role.DS);
            list.add(new ClusterNode(nodeName(i), i, 1, roles, clusterPorts(port, nodes, i, listen), advertise,
                    List.of()));
        }
        ClusterConf conf = new ClusterConf(CLUSTER, 1, new QuorumConf(nodes, nodes == 2, false), Timing.DEFAULTS,
                keyFile(), new FilesystemConf(FS_NAME, image(), new LockTable(CLUSTER, FS_NAME), journals),
                List.of(), list);
        ClusterConfWriter.write(conf, confFile());
        return ClusterConfParser.parse(confFile());
    }

    /** Writes cluster.conf for {@code port} (always, so a new port takes effect) and reads it back validated. */
    ClusterConf writeConf(int port) throws IOException, ConfException {
        return writeConf(port, 1, HOST, HOST);
    }

    /**
     * As {@link #writeConf(int)}, leaving room for {@code dataServers} data-server ports after the MDS port, and
     * telling clients to reach the data servers at {@code advertise} while they bind {@code listen}.
     */
    ClusterConf writeConf(int port, int dataServers, String advertise, String listen)
            throws IOException, ConfException {
        Files.createDirectories(dir);
        Map<Channel, HostPort> endpoints = ports(port, dataServers, listen);
        ClusterNode node = new ClusterNode(NODE, 1, 1, EnumSet.of(Role.MDS, Role.DS), endpoints, advertise,
                List.of());
        ClusterConf conf = new ClusterConf(CLUSTER, 1, new QuorumConf(1, false, false), Timing.DEFAULTS,
                keyFile(), new FilesystemConf(FS_NAME, image(), new LockTable(CLUSTER, FS_NAME), JOURNALS),
                List.of(), List.of(node));
        ClusterConfWriter.write(conf, confFile());
        return ClusterConfParser.parse(confFile());
    }

    /** Creates the 32-byte random control-channel key (mode 0600) unless it exists; true if created. */
    boolean ensureKey() throws IOException {
        if (Files.exists(keyFile())) {
            return false;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createFile(keyFile(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(keyFile(), key);
        return true;
    }

    /**
     * Writes the exports file: the filesystem root as "/", rw, no_root_squash for the demo's client networks, with
     * the layout type clients get ({@code pnfs=} option).
     */
    void writeExports(DemoLayout layout) throws IOException {
        StringBuilder line = new StringBuilder("/");
        for (String c : CLIENTS) {
            line.append(' ').append(c).append("(rw,no_root_squash,sec=sys:none,pnfs=").append(layout.exportsValue())
                    .append(')');
        }
        Files.writeString(exportsFile(), "# written by 'gfspnfs demo': the filesystem root, read-write, for "
                + "loopback and the test-VM networks\n" + line + "\n");
    }

    /** Formats a sparse image of {@code sizeBytes} unless one exists (an existing image is reused); true if made. */
    boolean ensureImage(long sizeBytes) throws IOException {
        return ensureImage(sizeBytes, JOURNALS);
    }

    /** As {@link #ensureImage(long)}, with {@code journals} journals in a new image. */
    boolean ensureImage(long sizeBytes, int journals) throws IOException {
        if (Files.exists(image())) {
            return false;
        }
        Files.createDirectories(dir);
        long blocks = sizeBytes / BLOCK;
        // Journals of 1/64 of the device (all of them together), between 1 MiB and 32 MiB each, between 1 MiB and 32 MiB (mkfs.gfs2's default is 128 MiB on big disks).
        int journalBlocks = (int) Math.max(256, Math.min(8192, blocks / 64 * JOURNALS / journals));
        MkfsOptions options = MkfsOptions.defaults(CLUSTER + ":" + FS_NAME).withBlockSize(BLOCK)
                .withJournals(journals, journalBlocks).withLabel("gfs-pnfs demo").withUuid(UUID.randomUUID());
        Path partial = dir.resolve("disk.img.partial");
        try (FileBlockDevice device = FileBlockDevice.create(partial, sizeBytes)) {
            Mkfs.format(device, options);
        }
        // Renamed only when complete, so an interrupted mkfs is never mistaken for a usable image.
        Files.move(partial, image());
        return true;
    }

    /** What an existing image offers a demo: its journals and whether mkfs reserved the disk-fencing area. */
    record ImageInfo(int journals, boolean fenceArea) {
    }

    /** Reads the superblock of the existing image. */
    ImageInfo imageInfo() throws IOException {
        try (FileBlockDevice d = FileBlockDevice.openReadOnly(image())) {
            ByteBuffer first = ByteBuffer.allocate(512);
            d.read(0, first);
            ByteBuffer block = ByteBuffer.allocate(Superblock.peekBlockSize(first.array()));
            d.read(0, block);
            Superblock sb = Superblock.decode(block.array());
            return new ImageInfo(sb.journalCount(), sb.hasFenceArea());
        } catch (CorruptionException e) {
            throw new IOException(image() + " is not a gfs-pnfs filesystem image (" + e.getMessage() + ")", e);
        }
    }
}
