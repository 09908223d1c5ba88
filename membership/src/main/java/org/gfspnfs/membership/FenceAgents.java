package org.gfspnfs.membership;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.FenceDevice;
import org.gfspnfs.membership.fence.ExecFenceAgent;
import org.gfspnfs.membership.fence.Fencer;
import org.gfspnfs.membership.fence.ManualFenceAck;
import org.gfspnfs.membership.sbd.DiskFenceAgent;
import org.gfspnfs.membership.sbd.FenceAreas;

/** The agent for each kind of fence device ({@code cluster.conf} {@code agent=}): disk, manual, or an executable. */
public final class FenceAgents {
    private FenceAgents() {
    }

    /**
     * @param conf       the cluster configuration (fence timeout, poison pill wait, areas)
     * @param areas      this node's open fence areas
     * @param selfNodeId the fencing node (written into pills)
     * @param manual     operator acknowledgements
     * @param workDir    scratch space for agent output
     * @param clock      time stamps
     */
    public static Function<FenceDevice, Fencer> of(ClusterConf conf, FenceAreas areas, int selfNodeId,
                                                   ManualFenceAck manual, Path workDir, Clock clock) {
        DiskFenceAgent disk = new DiskFenceAgent(conf, areas, selfNodeId, clock);
        ExecFenceAgent exec = new ExecFenceAgent(conf.timing().fenceTimeout(), workDir);
        return device -> switch (device.kind()) {
            case DISK -> disk;
            case MANUAL -> manual;
            case EXEC -> exec;
        };
    }
}
