package org.gfspnfs.control.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.auth.ClusterKey;

/**
 * Asks several nodes the same thing at once. Every node gets its own connection and the same timeout; answers come
 * back in node order, and a node that stays silent is reported as {@link NodeAnswer.Failed} with
 * {@link NodeCallException.Kind#TIMEOUT} instead of being waited on. Owns one thread per node while running;
 * {@link #close()} ends them.
 */
public final class ClusterQuery implements AutoCloseable {
    /** Grace beyond the per-call timeout for connect + call to come back before a node counts as silent. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private final List<ControlClient> clients;
    private final Duration timeout;
    private final ExecutorService pool;

    public ClusterQuery(List<NodeEndpoint> nodes, ClusterKey key, String caller, Duration timeout, Clock clock) {
        Objects.requireNonNull(key, "key");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clients = nodes.stream().map(n -> new ControlClient(n, key, caller, timeout, clock)).toList();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, nodes.size()), r -> {
            Thread t = new Thread(r, "gfsctl-query-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code call} on every node in parallel and gathers the answers in node order. */
    public <T> List<NodeAnswer<T>> ask(NodeCall<T> call) {
        List<Future<NodeAnswer<T>>> pending = new ArrayList<>();
        for (ControlClient client : clients) {
            pending.add(pool.submit(() -> askOne(client, call)));
        }
        // Connect and call each get the timeout, so a node is given at most twice it plus a grace.
        long deadline = System.nanoTime() + timeout.multipliedBy(2).plus(GRACE).toNanos();
        List<NodeAnswer<T>> answers = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            answers.add(await(pending.get(i), clients.get(i), deadline));
        }
        return answers;
    }

    private static <T> NodeAnswer<T> askOne(ControlClient client, NodeCall<T> call) {
        try {
            return new NodeAnswer.Answered<>(client.node(), call.call(client));
        } catch (ControlException e) {
            return new NodeAnswer.Declined<>(client.node(), e);
        } catch (NodeCallException e) {
            return new NodeAnswer.Failed<>(client.node(), e);
        }
    }

    private <T> NodeAnswer<T> await(Future<NodeAnswer<T>> future, ControlClient client, long deadlineNanos) {
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new NodeAnswer.Failed<>(client.node(), new NodeCallException(NodeCallException.Kind.TIMEOUT,
                    "no answer (timeout " + ControlClient.human(timeout) + ")", e));
        } catch (ExecutionException e) {
            return new NodeAnswer.Failed<>(client.node(), new NodeCallException(NodeCallException.Kind.RPC_ERROR,
                    "client failure: " + e.getCause(), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NodeAnswer.Failed<>(client.node(), new NodeCallException(NodeCallException.Kind.TIMEOUT,
                    "interrupted", e));
        }
    }

    @Override
    public void close() {
        clients.forEach(ControlClient::close);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
