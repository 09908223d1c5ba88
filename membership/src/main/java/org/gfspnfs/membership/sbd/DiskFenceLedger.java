package org.gfspnfs.membership.sbd;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.FenceAgentKind;
import org.gfspnfs.conf.FenceDevice;
import org.gfspnfs.membership.fence.FenceConfirmation;
import org.gfspnfs.membership.fence.FenceLedger;

/**
 * The {@link FenceLedger} in the disk-fencing area every node can read: FENCED records in the second half of the
 * victim's slot, LEFT messages in the first half of the leaver's own slot (membership/README.md, "Fencing
 * records"). All nodes use the same area: {@link #location(ClusterConf)}.
 */
public final class DiskFenceLedger implements FenceLedger {
    private final PoisonPillArea area;
    private final Clock clock;

    public DiskFenceLedger(PoisonPillArea area, Clock clock) {
        this.area = Objects.requireNonNull(area, "area");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The ledger in the cluster's {@linkplain #location record area}, opened through {@code areas}. */
    public static DiskFenceLedger open(ClusterConf conf, FenceAreas areas, Clock clock) throws IOException {
        return new DiskFenceLedger(areas.area(location(conf)), clock);
    }

    /**
     * Where the records live: the default area (inside the filesystem device, or next to an older image); when the
     * filesystem is on a block device without an area, the area of the first disk fence device with a device of its
     * own. Every node computes the same place from the same cluster.conf and superblock.
     *
     * @throws IllegalStateException when there is no shared area at all
     */
    public static FenceAreaLocation location(ClusterConf conf) throws IOException {
        try {
            return FenceAreas.defaultLocation(conf);
        } catch (IllegalStateException noDefault) {
            for (FenceDevice device : conf.fenceDevices()) {
                if (device.kind() == FenceAgentKind.DISK && device.attributes().containsKey("device")) {
                    return FenceAreas.location(conf, device);
                }
            }
            throw noDefault;
        }
    }

    @Override
    public Optional<FenceConfirmation> confirmation(int nodeId, long incarnation) throws IOException {
        return area.readConfirmation(nodeId).filter(c -> c.incarnation() == incarnation);
    }

    @Override
    public void confirm(FenceConfirmation confirmation) throws IOException {
        area.writeConfirmation(confirmation);
    }

    @Override
    public boolean leftCleanly(int nodeId, long incarnation) throws IOException {
        SlotMessage slot = area.read(nodeId);
        return slot.kind() == SlotMessage.Kind.LEFT && slot.incarnation() == incarnation;
    }

    @Override
    public void recordLeft(int nodeId, long incarnation) throws IOException {
        area.write(SlotMessage.left(nodeId, incarnation, clock.millis()));
    }

    @Override
    public String toString() {
        return "fence ledger in " + area;
    }
}
