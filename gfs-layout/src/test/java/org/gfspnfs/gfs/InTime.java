package org.gfspnfs.gfs;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a step on another thread and waits for it at most 10 s: a step that is held up fails the test. */
final class InTime {
    private InTime() {
    }

    static <T> T call(ExecutorService threads, Callable<T> step) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return step.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads).get(10, TimeUnit.SECONDS);
    }
}
