package org.gfspnfs.dlm.cluster;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.core.DlmConfig;
import org.gfspnfs.dlm.core.DlmNode;
import org.gfspnfs.membership.api.Member;

/**
 * One node of the multi-process counter test, run as its own JVM. Arguments: node id, incarnation, work directory.
 * It prints {@code ADDR <port>} once its DLM listens, follows the views the parent writes to its stdin, and loops:
 * lock EX, read the counter file, log the intent, write counter+1 and force it to disk, log the acknowledgement,
 * unlock. Every grant and release is logged with {@link System#nanoTime()} (CLOCK_MONOTONIC, shared by all
 * processes on the machine). {@code STOP} on stdin ends it cleanly.
 */
public final class CounterNodeMain {
    private CounterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        int id = Integer.parseInt(args[0]);
        long inc = Long.parseLong(args[1]);
        Path dir = Path.of(args[2]);
        PrintStream out = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        PipeMemberView[] view = new PipeMemberView[1];
        DlmNode node = DlmNode.start(DlmConfig.defaults(id, inc), addr -> {
            view[0] = new PipeMemberView(new Member(id, "node" + id, inc, addr));
            out.println("ADDR " + addr.getPort());
            return view[0];
        });
        Thread worker = new Thread(() -> work(node, id, inc, dir, out), "counter-worker");
        worker.setDaemon(true);
        worker.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("VIEW ")) {
                view[0].apply(line);
            } else if (line.equals("STOP")) {
                break;
            }
        }
        node.close();
        view[0].close();
        out.println("STOPPED");
        System.exit(0);
    }

    private static void work(DlmNode node, int id, long inc, Path dir, PrintStream out) {
        ResourceName counter = ResourceName.of("counter");
        try (FileOutputStream log = new FileOutputStream(dir.resolve("node" + id + "-" + inc + ".log").toFile());
             RandomAccessFile file = new RandomAccessFile(dir.resolve("counter").toFile(), "rw")) {
            Lockspace ls = node.lockspace("mp");
            while (true) {
                if (!node.running()) {
                    Thread.sleep(5);
                    continue;
                }
                var p = ls.lock(counter, LockMode.EX, LockOptions.defaults());
                LockResult r = p.await(Duration.ofSeconds(60));
                if (!r.granted()) {
                    throw new IllegalStateException("not granted: " + r);
                }
                line(log, "G " + System.nanoTime());
                file.seek(0);
                long v = file.length() >= 8 ? file.readLong() : 0;
                line(log, "I " + (v + 1));
                file.seek(0);
                file.writeLong(v + 1);
                file.getChannel().force(false);
                line(log, "A " + (v + 1));
                line(log, "R " + System.nanoTime());
                p.lock().unlock().get();
                out.println("ACK " + (v + 1));
            }
        } catch (Exception e) {
            out.println("WORKER-DIED " + e);
        }
    }

    private static void line(FileOutputStream log, String s) throws IOException {
        log.write((s + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
