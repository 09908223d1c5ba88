package org.gfspnfs.membership.sbd;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own watchdog, as sbd's "watcher" processes: it reads this node's slot in every fence area several
 * times per watchdog timeout and halts the node at once when it finds a poison pill for its incarnation (or a newer
 * life of itself), when it could not read a slot for the whole watchdog timeout, or when the partition has been
 * inquorate for the self-fence timeout after having been quorate. Each clean round while quorate renews the
 * {@link IoGate}'s write lease; halting closes the gate before calling the {@link HaltAction}.
 *
 * <p>It owns one scheduler thread. A node that was never quorate (still starting) does not self-fence: it has never
 * been allowed to write.
 */
public final class SelfFenceWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SelfFenceWatchdog.class);

    private final int nodeId;
    private final long incarnation;
    private final List<PoisonPillArea> areas;
    private final BooleanSupplier quorate;
    private final IoGate gate;
    private final HaltAction halt;
    private final Clock clock;
    private final long watchdogMillis;
    private final long selfFenceMillis;
    private final ScheduledExecutorService thread;
    private final long[] lastRead;
    private long lastQuorate = Long.MIN_VALUE;
    private volatile String haltReason;

    /**
     * @param nodeId           this node's id (its slot)
     * @param incarnation      this life of the node
     * @param areas            every fence area other nodes may poison this node through
     * @param quorate          whether this node's partition is quorate now
     * @param watchdogTimeout  longest time without a clean read of every slot (cluster.conf watchdog_timeout)
     * @param selfFenceTimeout longest time inquorate after having been quorate (cluster.conf self_fence_timeout)
     */
    public SelfFenceWatchdog(int nodeId, long incarnation, List<PoisonPillArea> areas, BooleanSupplier quorate,
                             Duration watchdogTimeout, Duration selfFenceTimeout, IoGate gate, HaltAction halt,
                             Clock clock) {
        this.nodeId = nodeId;
        this.incarnation = incarnation;
        this.areas = List.copyOf(areas);
        this.quorate = Objects.requireNonNull(quorate, "quorate");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.halt = Objects.requireNonNull(halt, "halt");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.watchdogMillis = watchdogTimeout.toMillis();
        this.selfFenceMillis = selfFenceTimeout.toMillis();
        this.lastRead = new long[this.areas.size()];
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fence-watchdog-" + nodeId);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Claims this node's slot in every area for this incarnation (which condemns any older life still running) and
     * starts watching. A pill already aimed at this very incarnation halts at once.
     */
    public void start() throws IOException {
        long now = clock.millis();
        for (int i = 0; i < areas.size(); i++) {
            PoisonPillArea area = areas.get(i);
            SlotMessage found = area.read(nodeId);
            if (found.kind() == SlotMessage.Kind.POISON && found.condemns(incarnation)) {
                condemn("poisoned by node " + found.sender() + " before start (" + area.path() + ")");
                return;
            }
            area.write(SlotMessage.clear(nodeId, incarnation, now));
            lastRead[i] = now;
        }
        long period = Math.max(10, watchdogMillis / 5);
        thread.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    /** Why this node halted, or null while it runs. */
    public String haltReason() {
        return haltReason;
    }

    private void tick() {
        if (haltReason != null) {
            return;
        }
        try {
            long now = clock.millis();
            boolean allRead = readSlots(now);
            if (haltReason != null) {
                return;
            }
            boolean isQuorate = quorate.getAsBoolean();
            if (isQuorate) {
                lastQuorate = now;
            } else if (lastQuorate != Long.MIN_VALUE && now - lastQuorate >= selfFenceMillis) {
                condemn("inquorate for " + (now - lastQuorate) + " ms (self_fence_timeout " + selfFenceMillis
                        + " ms)");
                return;
            }
            if (allRead && isQuorate) {
                gate.renew();
            }
        } catch (RuntimeException e) {
            LOG.error("fence watchdog failed; halting to stay safe", e);
            condemn("watchdog failure: " + e);
        }
    }

    private boolean readSlots(long now) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            PoisonPillArea area = areas.get(i);
            try {
                SlotMessage slot = area.read(nodeId);
                if (slot.condemns(incarnation)) {
                    condemn(slot.kind() == SlotMessage.Kind.POISON
                            ? "poison pill from node " + slot.sender() + " in " + area.path()
                            : "a newer incarnation " + slot.incarnation() + " of this node owns its slot in "
                            + area.path());
                    return false;
                }
                lastRead[i] = now;
            } catch (IOException e) {
                failures.add(area.path() + ": " + e.getMessage());
                if (now - lastRead[i] >= watchdogMillis) {
                    condemn("cannot read own fence slot for " + (now - lastRead[i]) + " ms (" + e.getMessage()
                            + ")");
                    return false;
                }
            }
        }
        if (!failures.isEmpty()) {
            LOG.warn("fence slot unreadable: {}", failures);
        }
        return failures.isEmpty();
    }

    private void condemn(String reason) {
        if (haltReason != null) {
            return;
        }
        haltReason = reason;
        gate.close(reason);
        LOG.error("node {} incarnation {} self-fences: {}", nodeId, incarnation, reason);
        halt.halt(reason);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
