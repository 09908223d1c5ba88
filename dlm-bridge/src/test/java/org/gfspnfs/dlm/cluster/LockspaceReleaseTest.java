package org.gfspnfs.dlm.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.gfspnfs.dlm.api.Lock;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockStateException;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.api.query.LockspaceSnapshot;
import org.junit.jupiter.api.Test;

/** Leaving a lockspace on one node (dlm_release_lockspace without force): refused while in use, idle ones go. */
class LockspaceReleaseTest {
    private static final Duration T = Duration.ofSeconds(10);

    @Test
    void release_refusedWhileTheNodeHoldsALock_idleLockspaceLeavesTheNodesList() throws Exception {
        try (MiniCluster cluster = new MiniCluster(2)) {
            Lock held = cluster.node(1).lockspace("busy").lock(ResourceName.of("r"), LockMode.EX,
                    LockOptions.defaults()).lock();
            cluster.node(1).lockspace("busy").lockAndWait(ResourceName.of("r2"), LockMode.PR,
                    LockOptions.defaults(), T);
            assertThatThrownBy(() -> cluster.node(1).release("busy")).isInstanceOf(LockStateException.class)
                    .hasMessageContaining("lock(s) of this node");
            assertThat(names(cluster, 1)).contains("busy");
            held.unlock().get();

            cluster.node(2).lockspace("idle");
            assertThat(names(cluster, 2)).contains("idle");
            assertThat(cluster.node(2).release("idle")).isTrue();
            assertThat(names(cluster, 2)).doesNotContain("idle");
            assertThat(cluster.node(2).release("idle")).as("not in it any more").isFalse();
        }
    }

    private static java.util.List<String> names(MiniCluster cluster, int node) {
        return cluster.node(node).snapshot().lockspaces().stream().map(LockspaceSnapshot::name).toList();
    }
}
