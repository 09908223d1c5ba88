package org.gfspnfs.dlm.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockStatus;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.api.query.ResourceInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The resource directory on chosen nodes (the node daemon puts it on the MDS nodes): their fresh resources cost no
 * message, and when none of them is left every member holds a share again.
 */
class DirectoryNodesTest {
    private static final Duration T = Duration.ofSeconds(15);
    private MiniCluster cluster;

    @AfterEach
    void down() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Lockspace ls(int node) {
        return cluster.node(node).lockspace("fs");
    }

    @Test
    void directoryOnNode1_itsFreshResourcesCostNoMessage_othersLookUpThere_andWithoutNode1EveryMemberHoldsIt()
            throws Exception {
        cluster = new MiniCluster(3, (id, cfg) -> cfg.withDirectoryNodes(Set.of(1)));
        cluster.awaitStable();
        ls(2).lockAndWait(ResourceName.of("warm"), LockMode.NL, LockOptions.defaults(), T);
        ls(3).lockAndWait(ResourceName.of("warm"), LockMode.NL, LockOptions.defaults(), T);
        ls(1).lockAndWait(ResourceName.of("warm"), LockMode.NL, LockOptions.defaults(), T);

        long before = cluster.messagesSent();
        for (int i = 0; i < 100; i++) {
            assertThat(ls(1).lockAndWait(ResourceName.of("local-" + i), LockMode.EX, LockOptions.defaults(), T)
                    .status()).isEqualTo(LockStatus.GRANTED);
        }
        assertThat(cluster.messagesSent() - before).as("lookups and grants of node 1's new resources").isZero();

        for (int i = 0; i < 30; i++) {
            ls(2).lockAndWait(ResourceName.of("remote-" + i), LockMode.EX, LockOptions.defaults(), T);
        }
        assertThat(directories(2)).as("directory of node 2's resources").containsOnly(1);

        cluster.killAndFence(1);
        cluster.awaitStable();
        for (int i = 0; i < 30; i++) {
            assertThat(ls(2).lockAndWait(ResourceName.of("after-" + i), LockMode.EX, LockOptions.defaults(), T)
                    .status()).isEqualTo(LockStatus.GRANTED);
        }
        assertThat(directories(2)).as("no directory node left: the members share it").contains(2, 3)
                .doesNotContain(1);
    }

    private List<Integer> directories(int node) {
        return ls(node).snapshot().mastered().stream().map(ResourceInfo::directory).distinct().toList();
    }
}
