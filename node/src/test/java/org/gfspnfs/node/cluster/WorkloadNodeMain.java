package org.gfspnfs.node.cluster;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.CRC32;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterConfParser;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.node.daemon.DaemonOptions;
import org.gfspnfs.node.daemon.NodeDaemon;

/**
 * A cluster node whose daemon is the real one and whose user is a writer inside the process: it creates files
 * {@code /w-<node>/fNNNN} of 8 KiB with content derived from the name, fsyncs each and then prints
 * {@code ACK fNNNN <crc32>}, forever. A file that was acknowledged must survive the node's kill -9 (the survivors
 * replay its journal). Arguments: cluster.conf, node name.
 */
public final class WorkloadNodeMain {
    static final int FILE_SIZE = 8192;

    private WorkloadNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        ClusterConf conf = ClusterConfParser.parse(Path.of(args[0]));
        String name = args[1];
        Path dir = Path.of(args[0]).toAbsolutePath().getParent();
        NodeDaemon daemon = NodeDaemon.start(DaemonOptions.of(conf, name, dir.resolve("exports"),
                dir.resolve("state").resolve(name)).inCluster(Duration.ofSeconds(60)));
        FileSystem fs = daemon.fileSystem();
        InodeId home = fs.mkdir(fs.root(), "w-" + name, 0755, 0, 0).id();
        say("READY");
        for (int i = 0; ; i++) {
            String file = String.format("f%04d", i);
            byte[] data = content(name, file);
            InodeId id = fs.create(home, file, 0644, 0, 0).id();
            fs.write(id, 0, ByteBuffer.wrap(data));
            fs.fsync(id);
            say("ACK " + file + " " + crc(data));
            Thread.sleep(20);
        }
    }

    static byte[] content(String node, String file) {
        byte[] data = new byte[FILE_SIZE];
        byte[] seed = (node + "/" + file + "/").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (seed[i % seed.length] + i / seed.length);
        }
        return data;
    }

    static long crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return c.getValue();
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
