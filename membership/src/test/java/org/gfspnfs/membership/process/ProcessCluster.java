package org.gfspnfs.membership.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gfspnfs.conf.ClusterConf;

/** Node JVMs of one test cluster sharing an image file, and what the tests ask of their reports. */
final class ProcessCluster implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    final ClusterConf conf;
    final Path confFile;
    final Path image;
    private final List<String> prefix;
    private final Map<Integer, NodeProcess> nodes = new HashMap<>();

    ProcessCluster(ClusterConf conf, Path confFile, List<String> prefix) throws IOException {
        this.conf = conf;
        this.confFile = confFile;
        this.image = conf.filesystem().device();
        this.prefix = prefix;
        Files.write(image, new byte[MemberNodeMain.REGION * 4]);
    }

    NodeProcess start(int id) throws IOException {
        NodeProcess node = NodeProcess.start(prefix, confFile, "node" + id, image);
        NodeProcess old = nodes.put(id, node);
        if (old != null && old.alive()) {
            throw new IllegalStateException("node" + id + " still runs");
        }
        return node;
    }

    NodeProcess node(int id) {
        return nodes.get(id);
    }

    /** Waits until node {@code id}'s latest view is exactly {@code members} (e.g. "1,2,3") and quorate. */
    void awaitView(int id, String members) {
        NodeProcess node = nodes.get(id);
        try {
            await("node" + id + " sees " + members).atMost(WAIT).until(() -> {
                var views = node.all("VIEW");
                if (views.isEmpty()) {
                    return node.find("READY", t -> t.endsWith(" " + members)).isPresent();
                }
                return views.get(views.size() - 1).text().startsWith(members + " true ");
            });
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + node.tail(), e);
        }
    }

    long incarnation(int id) {
        await().atMost(WAIT).until(() -> nodes.get(id).find("READY", t -> true).isPresent());
        return Long.parseLong(nodes.get(id).find("READY", t -> true).orElseThrow().text().split(" ")[0]);
    }

    /** Waits for a recovery step record on a node; returns its time (epoch ms). */
    long stepTime(int id, String step, int nodeId, String outcome) {
        String prefix = step + " " + nodeId + " " + outcome + " ";
        await("node" + id + " records " + prefix).atMost(WAIT)
                .until(() -> nodes.get(id).find("STEP", t -> t.startsWith(prefix)).isPresent());
        return Long.parseLong(nodes.get(id).find("STEP", t -> t.startsWith(prefix)).orElseThrow().text()
                .substring(prefix.length()).split(" ")[0]);
    }

    /** The bytes of node {@code nodeId}'s region of the shared image. */
    byte[] region(int nodeId) throws IOException {
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(MemberNodeMain.REGION);
            channel.read(buffer, (long) nodeId * MemberNodeMain.REGION);
            return buffer.array();
        }
    }

    /** The counter node {@code nodeId} last wrote. */
    long counter(int nodeId) throws IOException {
        return ByteBuffer.wrap(region(nodeId)).getLong();
    }

    @Override
    public void close() throws InterruptedException {
        for (NodeProcess node : nodes.values()) {
            node.close();
        }
    }
}
