package org.gfspnfs.node.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.dlm.api.DeadlockReport;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.core.DlmNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster-wide deadlock detection run periodically by the lowest member (one detector for the whole cluster, like
 * the DLM's own periodic check), keeping the cycles it found so {@code gfsctl waiters} can show them. The DLM's
 * policy breaks each cycle by failing its youngest request; this history is what an operator reads afterwards.
 */
public final class DeadlockHistory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlockHistory.class);
    private static final int KEEP = 64;

    /** One detected cycle, as the lowest member saw it. */
    public record Detected(String lockspace, Instant at, DeadlockReport report) {
    }

    private final DlmNode dlm;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Deque<Detected> detected = new ArrayDeque<>();

    private DeadlockHistory(DlmNode dlm, Clock clock) {
        this.dlm = dlm;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deadlock-detection");
            t.setDaemon(true);
            return t;
        });
    }

    static DeadlockHistory start(DlmNode dlm, Duration every, Clock clock) {
        DeadlockHistory h = new DeadlockHistory(dlm, clock);
        h.timer.scheduleWithFixedDelay(h::detectIfLowest, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return h;
    }

    private void detectIfLowest() {
        List<Integer> members = dlm.members();
        if (!dlm.running() || members.isEmpty() || members.get(0) != dlm.selfId()) {
            return;
        }
        for (Lockspace ls : dlm.lockspaces()) {
            try {
                List<DeadlockReport> found = ls.detectDeadlocks().get(10, TimeUnit.SECONDS);
                found.forEach(r -> record(ls.name(), r));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // A member that does not answer in time: try again next round (recovery will follow if it died).
                LOG.debug("deadlock detection in {} incomplete: {}", ls.name(), e.toString());
            }
        }
    }

    private synchronized void record(String lockspace, DeadlockReport report) {
        LOG.warn("deadlock in lockspace {}: {}; victim {}", lockspace, report.edges(), report.victim());
        detected.addLast(new Detected(lockspace, clock.instant(), report));
        while (detected.size() > KEEP) {
            detected.removeFirst();
        }
    }

    /** The cycles found so far, oldest first (the last {@value #KEEP}). */
    public synchronized List<Detected> detected() {
        return List.copyOf(detected);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
