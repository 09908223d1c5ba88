package org.gfspnfs.dlm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Application callbacks produced while the lockspace mutex is held, run after it is released (no lock is held across
 * a callback). The future of the caller's own operation completes inline in the caller's thread when the caller is
 * an application thread; everything else runs on the node's callback thread, in production order.
 */
final class Deliveries {
    private final boolean applicationThread;
    private List<Runnable> later;
    private List<Runnable> inline;
    CompletableFuture<?> own;

    Deliveries(boolean applicationThread) {
        this.applicationThread = applicationThread;
    }

    <T> void complete(CompletableFuture<T> future, T value) {
        Runnable r = () -> future.complete(value);
        if (applicationThread && future == own) {
            if (inline == null) {
                inline = new ArrayList<>(1);
            }
            inline.add(r);
        } else {
            callback(r);
        }
    }

    void callback(Runnable r) {
        if (later == null) {
            later = new ArrayList<>(2);
        }
        later.add(r);
    }

    void run(Executor callbacks) {
        if (later != null) {
            List<Runnable> batch = later;
            callbacks.execute(() -> batch.forEach(Runnable::run));
        }
        if (inline != null) {
            inline.forEach(Runnable::run);
        }
    }
}
