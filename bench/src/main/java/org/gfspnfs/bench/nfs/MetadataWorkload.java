package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.gfspnfs.nfs41.attr.Attr;

/**
 * Metadata workloads in one directory: creates (OPEN with create + GETFH, then CLOSE, per file, {@code depth}
 * files in flight), a listing of all entries with READDIR asking what "ls -l" shows, and removes. The listing
 * checks that every created file comes back once, as a regular file, with attributes that decode.
 */
public final class MetadataWorkload {
    private static final long NF4REG = 1;

    private final FileClient client;
    private final int depth;

    /** {@code depth} must not exceed the session's slots: a CLOSE is sent from the OPEN's reply callback. */
    public MetadataWorkload(FileClient client, int depth) {
        if (depth > client.session().slots()) {
            throw new IllegalArgumentException("depth " + depth + " > session slots " + client.session().slots());
        }
        this.client = client;
        this.depth = depth;
    }

    static String fileName(int i) {
        return "f" + i;
    }

    public Metric creates(byte[] dir, int files) throws IOException {
        Window w = new Window(depth);
        long start = System.nanoTime();
        for (int i = 0; i < files; i++) {
            String name = fileName(i);
            w.submit(() -> client.createAsync(dir, name, NfsOps.ACCESS_BOTH)
                    .thenCompose(f -> {
                        try {
                            return client.closeAsync(f);
                        } catch (IOException e) {
                            throw new java.util.concurrent.CompletionException(e);
                        }
                    }));
        }
        w.drain();
        return new Metric("creates", 1, 0, files, System.nanoTime() - start, "depth=" + depth);
    }

    /**
     * READDIR + attributes of the whole directory, {@code passes} times over; fails unless each pass lists exactly
     * {@code expected} regular files. The rate counts every entry of every pass.
     */
    public Metric readdir(byte[] dir, int expected, int passes) throws IOException {
        long nanos = 0;
        for (int p = 0; p < passes; p++) {
            boolean[] seen = new boolean[expected];
            AtomicInteger wrong = new AtomicInteger();
            long start = System.nanoTime();
            int n = client.readdir(dir, AttrReader.LS_ATTRS, (name, attrs) -> {
                int i = fileIndex(name);
                if (i < 0 || i >= expected || seen[i] || attrs.get(Attr.TYPE) != NF4REG
                        || !attrs.has(Attr.SIZE) || !attrs.has(Attr.FILEID)) {
                    wrong.incrementAndGet();
                } else {
                    seen[i] = true;
                }
            });
            nanos += System.nanoTime() - start;
            if (n != expected || wrong.get() != 0) {
                throw new IOException("READDIR listed " + n + " entries (" + wrong.get() + " unexpected or without "
                        + "type/size/fileid) where " + expected + " files were created");
            }
        }
        return new Metric("readdir", 1, 0, (long) expected * passes, nanos, "attrs=" + AttrReader.LS_ATTRS.length
                + " passes=" + passes);
    }

    public Metric removes(byte[] dir, int files) throws IOException {
        Window w = new Window(depth);
        long start = System.nanoTime();
        for (int i = 0; i < files; i++) {
            String name = fileName(i);
            w.submit(() -> client.removeAsync(dir, name));
        }
        w.drain();
        return new Metric("removes", 1, 0, files, System.nanoTime() - start, "depth=" + depth);
    }

    /** {@code i} for the name "f" + i (as {@code creates} names them), else -1. */
    static int fileIndex(byte[] name) {
        if (name.length < 2 || name.length > 10 || name[0] != 'f' || name[1] == '0' && name.length > 2) {
            return -1;
        }
        int i = 0;
        for (int k = 1; k < name.length; k++) {
            if (name[k] < '0' || name[k] > '9') {
                return -1;
            }
            i = i * 10 + (name[k] - '0');
        }
        return i;
    }
}
