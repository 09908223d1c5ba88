package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The loopback TCP ceiling: {@code streams} plain Java socket connections on 127.0.0.1, each writing 1 MiB
 * buffers for {@code duration} while a reader drains them. What an NFS server on the same loopback could reach
 * at best with no work per byte; the sequential workloads are reported as a fraction of it.
 */
public final class TcpCeiling {
    private static final int CHUNK = 1 << 20;

    private TcpCeiling() {
    }

    public static Metric measure(Duration duration, int streams) throws IOException {
        ExecutorService pool = daemonThreads("tcp-ceiling", 2 * streams);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            List<Future<Long>> readers = new ArrayList<>();
            List<Future<Long>> writers = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            for (int i = 0; i < streams; i++) {
                writers.add(pool.submit(() -> write(server.getLocalSocketAddress(), deadline)));
                Socket accepted = server.accept();
                readers.add(pool.submit(() -> drain(accepted)));
            }
            long writes = 0;
            for (Future<Long> w : writers) {
                writes += get(w);
            }
            long bytes = 0;
            for (Future<Long> r : readers) {
                bytes += get(r);
            }
            long nanos = System.nanoTime() - start;
            return new Metric("tcp-ceiling", streams, bytes, writes, nanos, "io_size=" + CHUNK);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long write(java.net.SocketAddress to, long deadline) throws IOException {
        byte[] buf = new byte[CHUNK];
        long writes = 0;
        try (Socket s = new Socket()) {
            s.connect(to);
            OutputStream out = s.getOutputStream();
            while (System.nanoTime() < deadline) {
                out.write(buf);
                writes++;
            }
        }
        return writes;
    }

    private static long drain(Socket s) throws IOException {
        byte[] buf = new byte[CHUNK];
        long total = 0;
        try (s; InputStream in = s.getInputStream()) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                total += n;
            }
        }
        return total;
    }

    /** A pool of {@code n} daemon threads named {@code name}: a ceiling's senders and receivers. */
    static ExecutorService daemonThreads(String name, int n) {
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    static long get(Future<Long> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }
}
