package org.gfspnfs.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.Role;
import org.gfspnfs.gfs.MountOptions;
import org.junit.jupiter.api.Test;

/** The node's metadata cache follows its heap: a small node JVM must not cache more than it can hold. */
class DaemonOptionsTest {
    private static final long MIB = 1L << 20;

    @Test
    void metadataCache_isAQuarterOfTheHeap_betweenTheFloorAndTheFilesystemDefault() {
        DaemonOptions o = DaemonOptions.of(conf(), "n1", Path.of("exports"), Path.of("state"));
        assertThat(o.metadataCacheBlocks()).isEqualTo(MountOptions.DEFAULT_CACHE_BLOCKS);
        assertThat(o.withMetadataCacheFor(384 * MIB).metadataCacheBlocks()).as("a 384 MiB heap")
                .isEqualTo(24_576);
        assertThat(o.withMetadataCacheFor(16L << 30).metadataCacheBlocks())
                .isEqualTo(MountOptions.DEFAULT_CACHE_BLOCKS);
        assertThat(o.withMetadataCacheFor(8 * MIB).metadataCacheBlocks()).isEqualTo(DaemonOptions.MIN_CACHE_BLOCKS);
        assertThat(o.withMetadataCacheFor(384 * MIB).inCluster(DaemonOptions.DEFAULT_QUORUM_WAIT)
                .metadataCacheBlocks()).as("kept by the other withers").isEqualTo(24_576);
    }

    @Test
    void aCacheBelowTheFloor_isRefused() {
        DaemonOptions o = DaemonOptions.of(conf(), "n1", Path.of("exports"), Path.of("state"));
        assertThatThrownBy(() -> new DaemonOptions(o.conf(), o.nodeName(), o.exportsFile(), o.stateDir(), o.locks(),
                o.clock(), o.extraDataServers(), o.membership(), o.quorumWait(), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 blocks");
    }

    private static ClusterConf conf() {
        return OneNodeCluster.conf(Path.of("disk.img"), OneNodeCluster.node("n1", 1, 2049, Role.MDS, Role.DS));
    }
}
