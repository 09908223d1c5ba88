package org.gfspnfs.membership.fence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.FenceAgentKind;
import org.gfspnfs.conf.FenceDevice;
import org.gfspnfs.conf.FenceDeviceRef;
import org.gfspnfs.conf.FenceMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fences lost nodes the way fenced does: the victim's {@code <fence>} methods in order until one succeeds, every
 * device of a method must succeed, and if all fail, again after a delay, for as long as it takes; an operator's
 * {@link ManualFenceAck acknowledgement} releases it at any time. A node with no methods is fenced with the
 * built-in disk agent (the poison pill is always available). Only a confirmed agent run or an acknowledgement
 * completes the returned future: nothing else lets recovery start.
 *
 * <p>Each victim is fenced on its own thread, owned here. Every agent run is kept as a {@link FenceAttempt} for
 * status queries, and listeners hear of each as it ends (the recovery sequence shows them as "waiting: why").
 *
 * <p>Only one survivor runs agents for a loss (fenced's master, chosen by the recovery sequence); the others
 * {@link #awaitConfirmation wait} here, where an operator's acknowledgement on their node still counts.
 */
public final class FenceCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FenceCoordinator.class);
    private static final int ATTEMPT_HISTORY = 256;
    /** The implicit method of a node without {@code <fence>} methods. */
    static final FenceDevice IMPLICIT_DISK = new FenceDevice("disk", FenceDevice.DISK_AGENT, Map.of());

    private final ClusterConf conf;
    private final Function<FenceDevice, Fencer> agents;
    private final Duration retryDelay;
    private final BooleanSupplier quorate;
    private final Clock clock;
    private final ExecutorService threads;
    private final Map<Integer, Fencing> pending = new HashMap<>();
    private final Deque<FenceAttempt> history = new ArrayDeque<>();
    private final List<Consumer<FenceAttempt>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param conf       the cluster configuration (victims' methods, devices, fence arguments)
     * @param agents     the agent for a fence device (by {@link FenceDevice#kind()}: disk, manual, exec)
     * @param manual     the operator acknowledgements; one releases the fencing of its node
     * @param quorate    whether this partition is quorate: no agent runs while it is not (only a quorate
     *                   partition fences)
     * @param retryDelay pause between two rounds of failed methods
     * @param clock      time stamps
     */
    public FenceCoordinator(ClusterConf conf, Function<FenceDevice, Fencer> agents, ManualFenceAck manual,
                            BooleanSupplier quorate, Duration retryDelay, Clock clock) {
        this.conf = Objects.requireNonNull(conf, "conf");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
        this.quorate = Objects.requireNonNull(quorate, "quorate");
        this.clock = Objects.requireNonNull(clock, "clock");
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fencer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        manual.addListener(this::acknowledged);
    }

    /** Hears about every agent run as it ends. */
    public void addAttemptListener(Consumer<FenceAttempt> listener) {
        listeners.add(listener);
    }

    /**
     * Fences {@code victim} (life {@code incarnation}, 0 = any). Asking again while a fencing of the node runs
     * returns the same future; a {@linkplain #awaitConfirmation wait} for the node is replaced (this node fences now).
     */
    public synchronized CompletableFuture<FenceResult> fence(ClusterNode victim, long incarnation) {
        Fencing running = pending.get(victim.nodeId());
        if (running != null && running.runsAgents) {
            return running.result;
        }
        if (running != null) {
            abandon(running);
        }
        Fencing fencing = new Fencing(victim, incarnation, true, "starting");
        pending.put(victim.nodeId(), fencing);
        fencing.result.whenComplete((r, e) -> finished(fencing));
        fencing.task = threads.submit(() -> fencing.run());
        return fencing.result;
    }

    /**
     * Waits, running no agent, while another survivor fences {@code victim} (it is fenced's master): the returned
     * future completes only when an operator acknowledges the fencing on this node, which then counts as done here.
     * The caller learns of the other survivor's outcome from the {@link FenceLedger} and then {@linkplain #abandon
     * abandons} this wait. An agent run of this node for the victim, if any, is stopped (another node fences now).
     *
     * @param why what is awaited, for {@link #waitingReason}
     */
    public synchronized CompletableFuture<FenceResult> awaitConfirmation(ClusterNode victim, long incarnation,
                                                                        String why) {
        Fencing running = pending.get(victim.nodeId());
        if (running != null && !running.runsAgents) {
            running.reason = why;
            return running.result;
        }
        if (running != null) {
            abandon(running);
        }
        Fencing waiting = new Fencing(victim, incarnation, false, why);
        pending.put(victim.nodeId(), waiting);
        waiting.result.whenComplete((r, e) -> finished(waiting));
        return waiting.result;
    }

    /**
     * Stops fencing or waiting for {@code nodeId} (another survivor's confirmation was seen, or recovery starts
     * over with other roles): a running agent is interrupted and killed, the future is cancelled.
     */
    public synchronized void abandon(int nodeId) {
        Fencing running = pending.get(nodeId);
        if (running != null) {
            abandon(running);
        }
    }

    private void abandon(Fencing fencing) {
        pending.remove(fencing.victim.nodeId(), fencing);
        if (fencing.task != null) {
            fencing.task.cancel(true);
        }
        fencing.result.cancel(false);
    }

    /** Why the fencing of {@code nodeId} has not finished yet, if it is running. */
    public synchronized Optional<String> waitingReason(int nodeId) {
        Fencing fencing = pending.get(nodeId);
        return fencing == null ? Optional.empty() : Optional.of(fencing.reason);
    }

    /** The most recent agent runs, oldest first. */
    public synchronized List<FenceAttempt> attempts() {
        return List.copyOf(history);
    }

    private boolean acknowledged(ManualFenceAck.Ack ack) {
        Fencing fencing;
        synchronized (this) {
            fencing = pending.get(ack.nodeId());
        }
        if (fencing == null) {
            return false;
        }
        LOG.warn("fencing of node {} released by manual acknowledgement of {}", ack.nodeId(), ack.operator());
        boolean done = fencing.result.complete(new FenceResult(ack.nodeId(), fencing.incarnation,
                "manual acknowledgement by " + ack.operator(), ack.at()));
        if (done && fencing.task != null) {
            fencing.task.cancel(true);
        }
        return done;
    }

    private synchronized void finished(Fencing fencing) {
        pending.remove(fencing.victim.nodeId(), fencing);
    }

    private void record(FenceAttempt attempt) {
        synchronized (this) {
            history.addLast(attempt);
            while (history.size() > ATTEMPT_HISTORY) {
                history.removeFirst();
            }
        }
        (attempt.success() ? LOG.atInfo() : LOG.atWarn()).log("fence {}", attempt);
        listeners.forEach(l -> l.accept(attempt));
    }

    private List<FenceMethod> methods(ClusterNode victim) {
        if (!victim.fenceMethods().isEmpty()) {
            return victim.fenceMethods();
        }
        return List.of(new FenceMethod("disk (implicit)", List.of(new FenceDeviceRef(IMPLICIT_DISK.name(),
                Map.of()))));
    }

    private FenceDevice device(FenceDeviceRef ref) {
        return conf.fenceDevice(ref.device()).orElse(IMPLICIT_DISK);
    }

    private Map<String, String> arguments(ClusterNode victim, FenceDeviceRef ref) {
        if (conf.fenceDevice(ref.device()).isPresent()) {
            return conf.fenceArguments(victim, ref);
        }
        return Map.of("agent", IMPLICIT_DISK.agent(), "nodename", victim.name());
    }

    /** The fencing of one victim, on its own thread. */
    private final class Fencing {
        final ClusterNode victim;
        final long incarnation;
        final boolean runsAgents;
        final CompletableFuture<FenceResult> result = new CompletableFuture<>();
        volatile Future<?> task;
        volatile String reason;

        Fencing(ClusterNode victim, long incarnation, boolean runsAgents, String reason) {
            this.victim = victim;
            this.incarnation = incarnation;
            this.runsAgents = runsAgents;
            this.reason = reason;
        }

        void run() {
            try {
                Duration delay = conf.timing().postFailDelay();
                if (!delay.isZero()) {
                    reason = "post_fail_delay " + delay.toMillis() + " ms";
                    TimeUnit.MILLISECONDS.sleep(delay.toMillis());
                }
                for (int round = 1; !result.isDone(); round++) {
                    List<String> failures = new ArrayList<>();
                    for (FenceMethod method : methods(victim)) {
                        reason = "running method " + method.name() + " (round " + round + ")";
                        Optional<String> failure = runMethod(method);
                        if (failure.isEmpty()) {
                            result.complete(new FenceResult(victim.nodeId(), incarnation,
                                    "method " + method.name() + " (" + agentsOf(method) + ")", clock.instant()));
                            return;
                        }
                        failures.add("method " + method.name() + ": " + failure.get());
                    }
                    reason = "every fence method failed (round " + round + "): " + String.join("; ", failures)
                            + "; retrying in " + retryDelay.toMillis() + " ms, or acknowledge by hand with "
                            + "'gfsctl fence ack " + victim.name() + "'";
                    LOG.error("cannot fence node {} ({}): {}", victim.nodeId(), victim.name(), reason);
                    TimeUnit.MILLISECONDS.sleep(retryDelay.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("fencing of node {} broke", victim.nodeId(), e);
                result.completeExceptionally(e);
            }
        }

        private String agentsOf(FenceMethod method) {
            return String.join(", ", method.devices().stream().map(ref -> {
                FenceDevice device = device(ref);
                return device.name() + ": agent " + device.agent();
            }).toList());
        }

        /** Runs every device of the method; empty when all confirmed, else why not. */
        private Optional<String> runMethod(FenceMethod method) throws InterruptedException {
            for (FenceDeviceRef ref : method.devices()) {
                FenceDevice device = device(ref);
                FenceRequest request = new FenceRequest(victim, incarnation, method.name(), device,
                        arguments(victim, ref));
                Instant started = clock.instant();
                if (!quorate.getAsBoolean()) {
                    return Optional.of("partition inquorate: not fencing");
                }
                if (device.kind() == FenceAgentKind.MANUAL) {
                    reason = "waiting for a manual acknowledgement: 'gfsctl fence ack " + victim.name() + "'";
                }
                FenceOutcome outcome = agents.apply(device).fence(request);
                record(new FenceAttempt(victim.nodeId(), method.name(), device.name(), device.agent(), started,
                        Duration.between(started, clock.instant()), outcome.success(), outcome.detail()));
                if (!outcome.success()) {
                    return Optional.of(device.name() + ": " + outcome.detail());
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Fencing> abandoned;
        synchronized (this) {
            abandoned = List.copyOf(pending.values());
        }
        abandoned.forEach(f -> f.result.cancel(false));
    }
}
