package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The loopback store ceiling: what any server on this machine could reach for sequential writes, with no protocol
 * at all. {@code streams} loopback connections each send 1 MiB buffers for {@code duration}; each receiver reads
 * them into a direct buffer and writes them into a file in {@code dir} (the filesystem that holds the servers'
 * data), over a region of its own of one sequential run's share ({@code total / streams}), again and again, and
 * makes the file durable after each pass over its region, as the COMMIT that ends each stream of a seq-write run
 * does. The file is written once before the clock starts, so the timed writes overwrite blocks the filesystem
 * already has, as a server writing into its image's blocks does.
 *
 * <p>Each byte costs the same three copies a WRITE costs at best (into the socket, out of it, into the page cache)
 * where the {@link TcpCeiling} costs two kernel copies and two in-cache user copies of a reused buffer: on two
 * cores shared by client and server, this is the bound for the seq-write rows.
 */
public final class StoreCeiling {
    private static final int CHUNK = 1 << 20;

    private StoreCeiling() {
    }

    public static Metric measure(Duration duration, int streams, long total, Path dir) throws IOException {
        long region = Math.max(1, total / streams / CHUNK) * CHUNK;
        Path file = Files.createTempFile(dir, "store-ceiling-", ".bin");
        ExecutorService pool = TcpCeiling.daemonThreads("store-ceiling", 2 * streams);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE);
             ServerSocketChannel server = ServerSocketChannel.open()) {
            prewrite(out, streams * region);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            List<Future<Long>> senders = new ArrayList<>();
            List<Future<Long>> receivers = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            for (int i = 0; i < streams; i++) {
                senders.add(pool.submit(() -> send(server.getLocalAddress(), deadline)));
                SocketChannel accepted = server.accept();
                long base = i * region;
                receivers.add(pool.submit(() -> store(accepted, out, base, region)));
            }
            long sends = 0;
            for (Future<Long> s : senders) {
                sends += TcpCeiling.get(s);
            }
            long bytes = 0;
            for (Future<Long> r : receivers) {
                bytes += TcpCeiling.get(r);
            }
            out.force(false);
            long nanos = System.nanoTime() - start;
            return new Metric("store-ceiling", streams, bytes, sends, nanos, "io_size=" + CHUNK);
        } finally {
            pool.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    private static void prewrite(FileChannel out, long size) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(CHUNK);
        for (long at = 0; at < size; at += CHUNK) {
            zeros.clear();
            while (zeros.hasRemaining()) {
                out.write(zeros, at + zeros.position());
            }
        }
        out.force(false);
    }

    private static long send(SocketAddress to, long deadline) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
        long sends = 0;
        try (SocketChannel s = SocketChannel.open(to)) {
            while (System.nanoTime() < deadline) {
                buf.clear();
                while (buf.hasRemaining()) {
                    s.write(buf);
                }
                sends++;
            }
        }
        return sends;
    }

    private static long store(SocketChannel in, FileChannel out, long base, long region) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
        long total = 0;
        try (in) {
            boolean open = true;
            while (open) {
                buf.clear();
                while (buf.hasRemaining() && open) {
                    open = in.read(buf) >= 0;
                }
                buf.flip();
                long at = base + total % region;
                while (buf.hasRemaining()) {
                    at += out.write(buf, at);
                }
                total += buf.limit();
                if (total % region == 0) {
                    out.force(false);
                }
            }
        }
        return total;
    }
}
