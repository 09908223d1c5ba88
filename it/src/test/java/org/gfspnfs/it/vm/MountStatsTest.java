package org.gfspnfs.it.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MountStatsTest {

    /** Captured from the UML guest (kernel 6.1.176) against NFS-Ganesha 4.3 after mount41.sh. */
    private final String sample = GuestScript.readResource("mountstats/ganesha-4.3-uml-6.1.txt");

    @Test
    void realDump_onlyTheNfsMountIsListed_withOptionsAndCapabilities() {
        MountStats stats = MountStats.parse(sample);
        assertThat(stats.mounts()).hasSize(1);
        MountStats.Mount m = stats.at("/mnt/nfs").orElseThrow();
        assertThat(m.device()).isEqualTo("10.77.1.1:/");
        assertThat(m.fstype()).isEqualTo("nfs4");
        assertThat(m.opts()).contains("vers=4.1");
        assertThat(m.sessions()).isTrue();
        assertThat(m.pnfs()).isEqualTo("not configured");
    }

    @Test
    void realDump_perOpCounts_areTheFirstColumn() {
        MountStats.Mount m = MountStats.parse(sample).at("/mnt/nfs").orElseThrow();
        assertThat(m.ops("WRITE")).isEqualTo(1);
        assertThat(m.ops("ACCESS")).isEqualTo(4);
        assertThat(m.ops("LAYOUTGET")).isZero();
        assertThat(m.ops("GETDEVICEINFO")).isZero();
        assertThat(m.ops("RECLAIM_COMPLETE")).isEqualTo(1);
    }

    @Test
    void unknownOperation_isAnErrorNotZero() {
        MountStats.Mount m = MountStats.parse(sample).at("/mnt/nfs").orElseThrow();
        assertThatThrownBy(() -> m.ops("LAYOUTGOT")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LAYOUTGOT");
    }

    @Test
    void pnfsMount_reportsLayoutTypeAndCounts() {
        String dump = """
                device 10.0.0.1:/ mounted on /mnt/a with fstype nfs4 statvers=1.1
                \topts:\trw,vers=4.1
                \tnfsv4:\tbm0=0xfdffbfff,bm1=0xf9be3e,bm2=0x68800,acl=0x3,sessions,pnfs=LAYOUT_NFSV4_1_FILES,lease_time=90
                \tper-op statistics
                \t        READ: 0 0 0 0 0 0 0 0 0
                \t   LAYOUTGET: 3 3 0 1 2 0 0 0 0
                \tGETDEVICEINFO: 1 1 0 1 2 0 0 0 0
                \tLAYOUTCOMMIT: 5 5 0 1 2 0 0 0 4
                device 10.0.0.1:/ mounted on /mnt/b with fstype nfs4 statvers=1.1
                \topts:\trw,vers=4.2
                \tnfsv4:\tbm0=0x1,sessions,pnfs=not configured
                \tper-op statistics
                \t   LAYOUTGET: 0 0 0 0 0 0 0 0 0
                """;
        MountStats stats = MountStats.parse(dump);
        assertThat(stats.mounts()).extracting(MountStats.Mount::mountPoint).containsExactly("/mnt/a", "/mnt/b");
        MountStats.Mount a = stats.at("/mnt/a").orElseThrow();
        assertThat(a.pnfs()).isEqualTo("LAYOUT_NFSV4_1_FILES");
        assertThat(a.ops("LAYOUTGET")).isEqualTo(3);
        assertThat(a.ops("GETDEVICEINFO")).isEqualTo(1);
        assertThat(a.errors("LAYOUTCOMMIT")).as("the last column: calls that ended in an error").isEqualTo(4);
        assertThat(a.errors("LAYOUTGET")).isZero();
        assertThat(stats.at("/mnt/b").orElseThrow().ops("LAYOUTGET")).isZero();
    }

    @Test
    void realPnfsDump_dataServerIoIsInTheEvents_andTheMountListsOnlyItsOwnTransport() {
        // UML guest (6.1.176) against `gfspnfs demo` with 3 data servers after a 64 MiB write + read (pnfs-bigfile.sh)
        MountStats.Mount m = MountStats.parse(GuestScript.readResource("mountstats/gfspnfs-pnfs-64mib-uml-6.1.txt"))
                .at("/mnt/nfs").orElseThrow();
        assertThat(m.pnfs()).isEqualTo("LAYOUT_NFSV4_1_FILES");
        assertThat(m.ops("WRITE")).isEqualTo(64);
        assertThat(m.pnfsWrites()).isEqualTo(64);
        assertThat(m.ops("READ")).isEqualTo(64);
        assertThat(m.pnfsReads()).isEqualTo(64);
        assertThat(m.ops("GETDEVICEINFO")).isEqualTo(1);
        assertThat(m.ops("LAYOUTGET")).as("the layouts came with OPEN (layoutget-on-open)").isZero();
        assertThat(m.xprts()).isEqualTo(1);
        assertThat(m.errors("WRITE")).isZero();
        assertThat(m.errors("LAYOUTCOMMIT")).isZero();
    }

    @Test
    void dumpWithoutEvents_pnfsCountsAreAnError() {
        MountStats.Mount m = MountStats.parse("device a:/ mounted on /m with fstype nfs4 statvers=1.1\n")
                .at("/m").orElseThrow();
        assertThatThrownBy(m::pnfsWrites).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events");
    }
}
