package org.gfspnfs.node.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.gfspnfs.conf.Channel;
import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.FilesystemConf;
import org.gfspnfs.conf.HostPort;
import org.gfspnfs.conf.LockTable;
import org.gfspnfs.conf.QuorumConf;
import org.gfspnfs.conf.Role;
import org.gfspnfs.conf.Timing;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;

/** A formatted 32 MiB image, an exports file, a control-channel key and a cluster.conf model for nodes with given ids, in a folder. */
final class OneNodeCluster {
    private OneNodeCluster() {
    }

    static Path image(Path dir) throws IOException {
        Path img = dir.resolve("disk.img");
        try (FileBlockDevice d = FileBlockDevice.create(img, 32L << 20)) {
            Mkfs.format(d, MkfsOptions.defaults("t:gfs0").withJournals(3, 256).withRgrpBlocks(2048));
        }
        Files.writeString(dir.resolve("exports"), "/ 127.0.0.1(rw,no_root_squash)\n");
        writeKey(dir);
        return img;
    }

    /** The control-channel key conf() names: 32 random bytes in cluster.key. */
    static void writeKey(Path dir) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.write(dir.resolve("cluster.key"), key);
    }

    static ClusterNode node(String name, int id, int nfsPort, Role... roles) {
        Map<Channel, HostPort> endpoints = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            endpoints.put(c, new HostPort("127.0.0.1", c == Channel.NFS_MDS ? nfsPort : 30000 + id * 10 + c.ordinal()));
        }
        return new ClusterNode(name, id, 1, roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0],
                roles), endpoints, "127.0.0.1", List.of());
    }

    static ClusterConf conf(Path image, ClusterNode... nodes) {
        return new ClusterConf("t", 1, new QuorumConf(nodes.length, false, false), Timing.DEFAULTS,
                image.resolveSibling("cluster.key"), new FilesystemConf("gfs0", image, new LockTable("t", "gfs0"), 3),
                List.of(), List.of(nodes));
    }
}
