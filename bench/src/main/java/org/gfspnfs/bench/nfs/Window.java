package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bounded number of requests in flight from one issuing thread: {@link #submit} waits for room, {@link #drain}
 * waits for all and rethrows the first failure. The depth is what keeps a pipe full without unbounded queueing.
 */
final class Window {
    /** Starts one request. */
    @FunctionalInterface
    interface Request {
        CompletableFuture<?> start() throws IOException;
    }

    private final int depth;
    private final Semaphore room;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Window(int depth) {
        this.depth = depth;
        this.room = new Semaphore(depth);
    }

    void submit(Request request) throws IOException {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        rethrow();
        CompletableFuture<?> f;
        try {
            f = request.start();
        } catch (IOException | RuntimeException e) {
            room.release();
            throw e;
        }
        f.whenComplete((r, t) -> {
            if (t != null) {
                failure.compareAndSet(null, t);
            }
            room.release();
        });
    }

    void drain() throws IOException {
        try {
            room.acquire(depth);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        room.release(depth);
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable t = failure.get();
        if (t == null) {
            return;
        }
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof IOException io) {
            throw io;
        }
        throw new IOException(t);
    }
}
