package org.gfspnfs.membership.sbd;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.membership.fence.FenceOutcome;
import org.gfspnfs.membership.fence.FenceRequest;
import org.gfspnfs.membership.fence.Fencer;

/**
 * The built-in {@code agent="disk"}: sbd's poison pill. It writes a pill aimed at the lost incarnation into the
 * victim's slot, reads it back, waits {@code poison_pill_wait} (sbd's msgwait, at least twice the watchdog
 * timeout, so that the victim has either read the pill and halted, or lost its write lease because it could not
 * read), then reads the slot again: the fencing is confirmed only if the pill is still there. A victim that is hung
 * (SIGSTOP) is safe the moment it runs again: its {@link IoGate} lease has expired and its watchdog finds the pill.
 */
public final class DiskFenceAgent implements Fencer {
    private final ClusterConf conf;
    private final FenceAreas areas;
    private final int selfNodeId;
    private final Clock clock;

    public DiskFenceAgent(ClusterConf conf, FenceAreas areas, int selfNodeId, Clock clock) {
        this.conf = Objects.requireNonNull(conf, "conf");
        this.areas = Objects.requireNonNull(areas, "areas");
        this.selfNodeId = selfNodeId;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public FenceOutcome fence(FenceRequest request) throws InterruptedException {
        int victim = request.victim().nodeId();
        FenceAreaLocation path;
        PoisonPillArea area;
        try {
            path = FenceAreas.location(conf, request.device());
            area = areas.area(path);
        } catch (IOException | RuntimeException e) {
            return FenceOutcome.failed("fence area unavailable: " + e.getMessage());
        }
        SlotMessage pill = SlotMessage.poison(victim, request.incarnation(), selfNodeId, clock.millis());
        try {
            area.write(pill);
            SlotMessage back = area.read(victim);
            if (!poisons(back, request.incarnation())) {
                return FenceOutcome.failed("poison pill for node " + victim + " did not read back from " + path
                        + ": " + back);
            }
        } catch (IOException e) {
            return FenceOutcome.failed("cannot write poison pill for node " + victim + " to " + path + ": "
                    + e.getMessage());
        }
        Duration wait = conf.timing().poisonPillWait();
        TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        try {
            SlotMessage after = area.read(victim);
            if (!poisons(after, request.incarnation())) {
                return FenceOutcome.failed("slot of node " + victim + " in " + path + " changed while waiting: "
                        + after);
            }
        } catch (IOException e) {
            return FenceOutcome.failed("cannot re-read slot of node " + victim + " in " + path + ": "
                    + e.getMessage());
        }
        return FenceOutcome.confirmed("poison pill in slot " + victim + " of " + path + " for incarnation "
                + request.incarnation() + ", waited " + wait.toMillis() + " ms (poison_pill_wait)");
    }

    /**
     * True when the slot holds a pill that condemns {@code incarnation}: ours, or one another survivor wrote for the
     * same loss while we waited (every survivor may fence the same node; one pill is as good as another).
     */
    private static boolean poisons(SlotMessage slot, long incarnation) {
        return slot.kind() == SlotMessage.Kind.POISON
                && (slot.incarnation() == 0 || slot.incarnation() == incarnation);
    }
}
