package org.gfspnfs.membership.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.MemberView;
import org.gfspnfs.membership.api.ViewSnapshot;
import org.gfspnfs.membership.fence.FenceConfirmation;
import org.gfspnfs.membership.fence.FenceCoordinator;
import org.gfspnfs.membership.fence.FenceLedger;
import org.gfspnfs.membership.fence.FenceResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the recovery sequence of DESIGN.md on one node, on a thread it owns: member lost, stop, quorum check,
 * fence, DLM recovery, journal recovery, pNFS recovery, resume. Every step is recorded as a {@link StepRecord}
 * (step, node, time, outcome) that status queries read with {@link #records()}.
 *
 * <p>The gates are the point: no fencing without quorum; no DLM or journal recovery before every lost member is
 * confirmed fenced and the view says so ({@link ViewSnapshot#recoverable()}); a fencing that does not finish keeps
 * the sequence waiting and says why, until an agent succeeds or an operator acknowledges. Another loss during
 * recovery, or a failed step, starts over from STOP with all members still unrecovered.
 */
public final class RecoverySequence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecoverySequence.class);
    private static final long POLL_MILLIS = 100;

    private final ClusterConf conf;
    private final MemberView view;
    private final FenceCoordinator fencer;
    private final Consumer<Member> markFenced;
    private final RecoveryHooks hooks;
    private final Clock clock;
    private final Duration retryDelay;
    private final Duration settle;
    private final Thread thread;
    private final Object lock = new Object();
    private final RecoveryLog log = new RecoveryLog();
    private final Map<Integer, Member> unrecovered = new LinkedHashMap<>();
    private final Map<Integer, Instant> lostAt = new HashMap<>();
    /** Node ids that were members right after each loss (who may fence it). */
    private final Map<Integer, Set<Integer>> witnesses = new HashMap<>();
    /** Touched by the recovery thread only. */
    private final Set<Member> announced = new HashSet<>();
    private final Set<Member> fenced = new HashSet<>();
    private final Set<Member> leftCleanly = new HashSet<>();
    private final SharedFencing shared;
    private MemberView.Registration registration;
    private ViewSnapshot latest;
    private long lastChangeMillis;
    private volatile RecoveryStep current = RecoveryStep.IDLE;
    private volatile boolean closed;

    /**
     * @param conf       the cluster configuration (lost members' fence methods)
     * @param view       the member view whose LEFT events start recovery
     * @param fencer     fences lost members
     * @param markFenced tells the view a member is fenced (it then emits FENCED)
     * @param hooks      the DLM, filesystem and pNFS steps
     * @param retryDelay pause before starting over after a failed step
     * @param settle     how long the view must stay unchanged before fencing starts: a partition is seen as one
     *                   loss after another, and a minority must not fence from a view that only looked quorate
     *                   halfway through (corosync delivers one agreed membership; Hazelcast does not). A heartbeat
     *                   or two is enough.
     * @param clock      time stamps of the records
     */
    public RecoverySequence(ClusterConf conf, MemberView view, FenceCoordinator fencer, Consumer<Member> markFenced,
                            RecoveryHooks hooks, Duration retryDelay, Duration settle, Clock clock) {
        this(conf, view, fencer, null, markFenced, hooks, retryDelay, settle, clock);
    }

    /**
     * A recovery sequence that shares fencing with the other survivors through {@code ledger} (membership/README.md,
     * "Fencing records"): only the lowest-nodeid survivor runs fence agents, the others wait for its record; a lost
     * member whose slot says it left in order is not fenced and its journal is not replayed.
     *
     * @param ledger the records every survivor reads (normally {@code DiskFenceLedger}); null for none (every
     *               survivor fences on its own, and every loss counts as a crash)
     */
    public RecoverySequence(ClusterConf conf, MemberView view, FenceCoordinator fencer, FenceLedger ledger,
                            Consumer<Member> markFenced, RecoveryHooks hooks, Duration retryDelay, Duration settle,
                            Clock clock) {
        this.conf = Objects.requireNonNull(conf, "conf");
        this.view = Objects.requireNonNull(view, "view");
        this.fencer = Objects.requireNonNull(fencer, "fencer");
        this.markFenced = Objects.requireNonNull(markFenced, "markFenced");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
        this.settle = Objects.requireNonNull(settle, "settle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shared = new SharedFencing(ledger, fencer, view.snapshot().self().nodeId());
        this.thread = new Thread(this::loop, "recovery-" + view.snapshot().self().nodeId());
        this.thread.setDaemon(true);
    }

    /** Starts listening to the view and driving recovery. */
    public void start() {
        synchronized (lock) {
            latest = view.snapshot();
        }
        registration = view.addListener(this::onEvent);
        thread.start();
    }

    /** The step recovery is in now ({@link RecoveryStep#IDLE} when there is nothing to recover). */
    public RecoveryStep currentStep() {
        return current;
    }

    /** The recovery log, oldest first (the most recent 1024 records). */
    public List<StepRecord> records() {
        return log.records();
    }

    private void onEvent(MemberEvent event) {
        synchronized (lock) {
            latest = event.snapshot();
            lastChangeMillis = clock.millis();
            if (event.kind() == MemberEvent.Kind.LEFT) {
                unrecovered.put(event.member().nodeId(), event.member());
                lostAt.put(event.member().nodeId(), clock.instant());
                witnesses.put(event.member().nodeId(), event.snapshot().members().stream().map(Member::nodeId)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
            }
            lock.notifyAll();
        }
    }

    private void loop() {
        try {
            while (!closed) {
                Set<Member> batch;
                synchronized (lock) {
                    while (unrecovered.isEmpty() && !closed) {
                        lock.wait();
                    }
                    if (closed) {
                        return;
                    }
                    batch = new LinkedHashSet<>(unrecovered.values());
                }
                if (recover(batch)) {
                    synchronized (lock) {
                        batch.forEach(m -> unrecovered.remove(m.nodeId(), m));
                        announced.removeAll(batch);
                        fenced.removeAll(batch);
                        leftCleanly.removeAll(batch);
                        shared.forget(batch);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One pass over the steps for {@code batch}; false when it must start over. */
    private boolean recover(Set<Member> batch) throws InterruptedException {
        enter(RecoveryStep.MEMBER_LOST);
        for (Member m : batch) {
            if (!announced.add(m)) {
                continue;
            }
            if (shared.leftCleanly(m)) {
                leftCleanly.add(m);
                record(RecoveryStep.MEMBER_LOST, m, lostAtOf(m), StepOutcome.DONE, "left cleanly (incarnation "
                        + m.incarnation() + "): services stopped, journal clean, locks released; no fencing");
            } else {
                record(RecoveryStep.MEMBER_LOST, m, lostAtOf(m), StepOutcome.DONE,
                        "left the view (incarnation " + m.incarnation() + ")");
            }
        }
        try {
            enter(RecoveryStep.STOP);
            hooks.stop(snapshot());
            record(RecoveryStep.STOP, null, clock.instant(), StepOutcome.DONE, "lockspaces stopped");
            if (!quorumCheck(batch) || !fence(batch) || newLosses(batch)) {
                return false;
            }
            Set<Member> crashed = new LinkedHashSet<>(batch);
            crashed.removeAll(leftCleanly);
            enter(RecoveryStep.DLM_RECOVERY);
            hooks.recoverLocks(snapshot(), crashed);
            record(RecoveryStep.DLM_RECOVERY, null, clock.instant(), StepOutcome.DONE, crashed.size() == batch.size()
                    ? "locks recovered" : "locks recovered; nothing to purge of nodes that left cleanly "
                    + "(their lockspace leave released their locks)");
            enter(RecoveryStep.JOURNAL_RECOVERY);
            for (Member m : batch) {
                if (crashed.contains(m)) {
                    hooks.recoverJournal(snapshot(), m);
                    record(RecoveryStep.JOURNAL_RECOVERY, m, clock.instant(), StepOutcome.DONE, "journal replayed");
                } else {
                    record(RecoveryStep.JOURNAL_RECOVERY, m, clock.instant(), StepOutcome.DONE,
                            "not replayed: left cleanly, its journal is clean");
                }
            }
            enter(RecoveryStep.PNFS_RECOVERY);
            for (Member m : batch) {
                hooks.recoverPnfs(snapshot(), m);
                record(RecoveryStep.PNFS_RECOVERY, m, clock.instant(), StepOutcome.DONE, "pNFS state recovered");
            }
            enter(RecoveryStep.RESUME);
            hooks.resume(snapshot());
            record(RecoveryStep.RESUME, null, clock.instant(), StepOutcome.DONE, "service resumed");
            enter(RecoveryStep.IDLE);
            return true;
        } catch (RecoveryStepException | RuntimeException e) {
            record(current, null, clock.instant(), StepOutcome.FAILED, String.valueOf(e.getMessage())
                    + "; starting over in " + retryDelay.toMillis() + " ms");
            if (closed) {
                // Stopping (this node leaves): a step cut short by the shutdown is no failure worth a stack trace.
                LOG.info("recovery step {} stopped by shutdown: {}", current, e.getMessage());
                return false;
            }
            LOG.error("recovery step {} failed", current, e);
            TimeUnit.MILLISECONDS.sleep(retryDelay.toMillis());
            return false;
        }
    }

    /** Waits for quorum; false when more members were lost meanwhile (start over to include them). */
    private boolean quorumCheck(Set<Member> batch) throws InterruptedException {
        enter(RecoveryStep.QUORUM_CHECK);
        boolean said = false;
        synchronized (lock) {
            while (!latest.quorate()) {
                if (!said) {
                    record(RecoveryStep.QUORUM_CHECK, null, clock.instant(), StepOutcome.WAITING,
                            "inquorate: frozen, no grants and no disk writes; self-fence after "
                                    + conf.timing().selfFenceTimeout().toMillis() + " ms");
                    said = true;
                }
                lock.wait();
                if (closed) {
                    return false;
                }
            }
        }
        if (!settled(batch)) {
            return false;
        }
        record(RecoveryStep.QUORUM_CHECK, null, clock.instant(), StepOutcome.DONE, "quorate");
        return true;
    }

    /**
     * Fences every member of the batch (or, with a ledger, lets the lowest-nodeid survivor fence it and waits for its
     * record) and waits for all; false when quorum or more members were lost meanwhile (start over: the next lowest
     * survivor takes over a dead fencer's victims).
     */
    private boolean fence(Set<Member> batch) throws InterruptedException, RecoveryStepException {
        enter(RecoveryStep.FENCE);
        Map<Member, CompletableFuture<FenceResult>> running = new LinkedHashMap<>();
        Map<Member, String> said = new HashMap<>();
        int self = snapshot().self().nodeId();
        boolean waited = false;
        for (Member m : batch) {
            if (fenced.contains(m)) {
                continue;
            }
            if (leftCleanly.contains(m)) {
                record(RecoveryStep.FENCE, m, clock.instant(), StepOutcome.DONE, "not fenced: left cleanly");
                fenced.add(m);
                markFenced.accept(m);
                continue;
            }
            ClusterNode node = conf.nodeById(m.nodeId()).orElseThrow(
                    () -> new RecoveryStepException("lost node " + m.nodeId() + " is not in cluster.conf"));
            int fencerId = shared.fencerOf(snapshot(), witnessesOf(m));
            if (fencerId == self) {
                if (!shared.agentRunning(m)) {
                    record(RecoveryStep.FENCE, m, clock.instant(), StepOutcome.STARTED, "fencing incarnation "
                            + m.incarnation());
                }
                running.put(m, shared.start(node, m, fencerId));
            } else {
                waited = true;
                running.put(m, shared.start(node, m, fencerId));
                said.put(m, SharedFencing.waitingFor(node, fencerId));
                record(RecoveryStep.FENCE, m, clock.instant(), StepOutcome.WAITING, said.get(m));
            }
        }
        try {
            return awaitFencing(batch, running, said) && awaitRecoverable(batch);
        } finally {
            if (waited) {
                running.keySet().stream().filter(m -> !shared.agentRunning(m)).forEach(shared::abandon);
            }
        }
    }

    /** Waits for every running fencing, here or recorded by another survivor; false to start over. */
    private boolean awaitFencing(Set<Member> batch, Map<Member, CompletableFuture<FenceResult>> running,
                                 Map<Member, String> said) throws InterruptedException, RecoveryStepException {
        while (!running.isEmpty()) {
            for (var it = running.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                Member m = entry.getKey();
                Optional<FenceConfirmation> elsewhere = Optional.empty();
                if (entry.getValue().isDone() && !entry.getValue().isCancelled()) {
                    it.remove();
                    finishFencing(m, entry.getValue());
                } else if ((elsewhere = shared.recorded(m)).isPresent()) {
                    it.remove();
                    shared.abandon(m);
                    FenceConfirmation c = elsewhere.get();
                    record(RecoveryStep.FENCE, m, clock.instant(), StepOutcome.DONE, "fenced by node " + c.fencer()
                            + " at " + c.at() + ": " + c.how() + " (its record in the fence area)");
                    fenced.add(m);
                    markFenced.accept(m);
                } else {
                    String why = fencer.waitingReason(m.nodeId()).orElse("fencing");
                    if (!why.equals(said.put(m, why))) {
                        record(RecoveryStep.FENCE, m, clock.instant(), StepOutcome.WAITING, why);
                    }
                }
            }
            if (!running.isEmpty()) {
                synchronized (lock) {
                    if (!latest.quorate()) {
                        enter(RecoveryStep.QUORUM_CHECK);
                        record(RecoveryStep.QUORUM_CHECK, null, clock.instant(), StepOutcome.FAILED,
                                "quorum lost while fencing");
                        return false;
                    }
                    if (closed || !batch.containsAll(unrecovered.values())) {
                        return false;
                    }
                    lock.wait(POLL_MILLIS);
                }
            }
        }
        return true;
    }

    private void finishFencing(Member m, CompletableFuture<FenceResult> done) throws RecoveryStepException {
        FenceResult result;
        try {
            result = done.join();
        } catch (RuntimeException e) {
            throw new RecoveryStepException("fencing of node " + m.nodeId() + " broke: " + e.getMessage(), e);
        }
        shared.record(m, result);
        record(RecoveryStep.FENCE, m, result.at(), StepOutcome.DONE, "fenced by " + result.how());
        fenced.add(m);
        markFenced.accept(m);
    }

    /** Waits until the view shows every lost member fenced (and is quorate). */
    private boolean awaitRecoverable(Set<Member> batch) throws InterruptedException {
        synchronized (lock) {
            while (!latest.recoverable()) {
                if (!latest.quorate() || closed || !batch.containsAll(unrecovered.values())) {
                    return false;
                }
                lock.wait(POLL_MILLIS);
            }
        }
        return true;
    }

    private void enter(RecoveryStep next) {
        RecoveryStep.validate(current, next);
        current = next;
    }

    private void record(RecoveryStep step, Member member, Instant time, StepOutcome outcome, String detail) {
        log.record(step, member, time, outcome, detail);
    }

    private ViewSnapshot snapshot() {
        synchronized (lock) {
            return latest;
        }
    }

    /**
     * Waits until the view has not changed for the settle time; false when, meanwhile, quorum was lost or more
     * members were lost (start over).
     */
    private boolean settled(Set<Member> batch) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (!latest.quorate() || closed || !batch.containsAll(unrecovered.values())) {
                    return false;
                }
                long quietFor = clock.millis() - lastChangeMillis;
                if (quietFor >= settle.toMillis()) {
                    return true;
                }
                lock.wait(Math.max(1, settle.toMillis() - quietFor));
            }
        }
    }

    /** True when members were lost that {@code batch} does not include. */
    private boolean newLosses(Set<Member> batch) {
        synchronized (lock) {
            return !batch.containsAll(unrecovered.values());
        }
    }

    private Set<Integer> witnessesOf(Member m) {
        synchronized (lock) {
            return witnesses.getOrDefault(m.nodeId(), Set.of());
        }
    }

    private Instant lostAtOf(Member m) {
        synchronized (lock) {
            return lostAt.getOrDefault(m.nodeId(), clock.instant());
        }
    }

    @Override
    public void close() {
        closed = true;
        if (registration != null) {
            registration.close();
        }
        synchronized (lock) {
            lock.notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
