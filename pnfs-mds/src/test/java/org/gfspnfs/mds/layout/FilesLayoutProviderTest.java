package org.gfspnfs.mds.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.ExtentState;
import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutCommit;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutRange;
import org.gfspnfs.nfs41.pnfs.LayoutRequest;
import org.gfspnfs.nfs41.pnfs.LayoutSegment;
import org.gfspnfs.nfs41.pnfs.LayoutState;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.status.LayoutUnavailableException;
import org.gfspnfs.nfs41.status.NoEntException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.FileLayoutDsAddr4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.Test;

/** The files layout over a real gfs image: layouts, devices, LAYOUTCOMMIT, recalls and revocation. */
class FilesLayoutProviderTest extends ProviderOverImage {
    private static final int UNIT = 64 << 10;
    private static final long CHUNK = 1 << 20;

    @Override
    FilesLayoutProvider provider() {
        return new FilesLayoutProvider(fs, table, devices, FilesLayoutConfig.defaults().withStripeUnit(UNIT)
                .withAllocationChunk(CHUNK).withRecallTimeout(Duration.ofMillis(100)), scheduler,
                (client, inode, fh) -> revoked.add(inode));
    }

    @Override
    int[] fileOwner() {
        return new int[] {0, 0};
    }

    @Override
    String notifyLine(long clientId, int layoutType, boolean deleted, DeviceId id) {
        return "notify " + clientId + (deleted ? " deleted " : " changed ") + id;
    }

    @Test
    void layout_namesTheDevice_stripeUnit_sparse_commitThroughDataServers_mdsHandle() throws Exception {
        byte[] fh = handle();
        List<LayoutSegment> segs = provider.layoutGet(new LayoutRequest(1, inode(), fh, LayoutTypes.NFSV4_1_FILES,
                LayoutIoMode.READ_WRITE, 0, -1, 0));
        assertThat(segs).hasSize(1);
        assertThat(segs.get(0).offset()).isZero();
        assertThat(segs.get(0).length()).as("whole file").isEqualTo(-1);
        FileLayout4 fl = XdrBytes.decode(segs.get(0).body(), new FileLayout4());
        assertThat(fl.util).as("stripe unit, DENSE and COMMIT_THRU_MDS clear").isEqualTo(UNIT);
        assertThat(fl.firstStripeIndex).isZero();
        assertThat(fl.patternOffset).isZero();
        assertThat(fl.fhList).hasSize(1);
        assertThat(fl.fhList.get(0).value).isEqualTo(fh);

        FileLayoutDsAddr4 addr = XdrBytes.decode(provider.deviceInfo(DeviceId.of(fl.deviceId),
                LayoutTypes.NFSV4_1_FILES).body(), new FileLayoutDsAddr4());
        assertThat(addr.stripeIndices).containsExactly(0, 1, 2);
        assertThat(addr.dsList).extracting(m -> m.addrs.get(0).addr)
                .containsExactly("127.0.0.1.8.2", "127.0.0.1.8.3", "10.0.0.3.8.4");
        assertThat(provider.blockSize()).isEqualTo(UNIT);
    }

    @Test
    void noDataServer_layoutUnavailable_unknownDevice_noEnt() {
        devices.replace(List.of());
        assertThatThrownBy(() -> provider.layoutGet(new LayoutRequest(1, inode(), handle(),
                LayoutTypes.NFSV4_1_FILES, LayoutIoMode.READ, 0, -1, 0)))
                .isInstanceOf(LayoutUnavailableException.class);
        assertThatThrownBy(() -> provider.deviceInfo(new DeviceId(1, 1), LayoutTypes.NFSV4_1_FILES))
                .isInstanceOf(NoEntException.class);
    }

    @Test
    void dataServerWriteIntoHole_allocatesTheWholeChunkUnwritten() throws Exception {
        List<Extent> asked = provider.unwrittenExtents().allocate(file, CHUNK + 5000, 10);
        assertThat(asked).allMatch(e -> e.state() == ExtentState.UNWRITTEN);
        List<Extent> chunk = fs.mapRange(file, CHUNK, CHUNK);
        assertThat(chunk).allMatch(e -> e.state() == ExtentState.UNWRITTEN);
        assertThat(chunk.stream().mapToLong(Extent::length).sum()).isEqualTo(CHUNK);
        assertThat(fs.mapRange(file, 0, CHUNK)).as("the chunk before is untouched")
                .allMatch(e -> e.state() == ExtentState.HOLE);
        assertThat(fs.getattr(file).size()).as("allocation does not change the size").isZero();
    }

    @Test
    void chunkLargerThanTheFreeSpace_allocatesJustTheWrite() throws Exception {
        long freeBefore = fs.statfs().freeBlocks();
        UnwrittenExtents huge = new UnwrittenExtents(fs, 1L << 30);
        List<Extent> asked = huge.allocate(file, 8192, 100);
        assertThat(asked).extracting(Extent::state).containsExactly(ExtentState.UNWRITTEN);
        assertThat(fs.statfs().freeBlocks()).as("the rest of the filesystem stays free")
                .isGreaterThan(freeBefore - 16);
    }

    @Test
    void layoutCommit_convertsOnlyReportedRanges_andSetsSize() throws Exception {
        provider.unwrittenExtents().allocate(file, 0, 10);
        provider.unwrittenExtents().written(file, 0, 4096);
        provider.unwrittenExtents().written(file, 3 * 4096, 4096);
        long size = provider.layoutCommit(new LayoutCommit(1, inode(), 0, -1, 4 * 4096 - 1, null,
                LayoutTypes.NFSV4_1_FILES, new byte[0]));
        assertThat(size).isEqualTo(4 * 4096);
        assertThat(fs.getattr(file).size()).isEqualTo(4 * 4096);
        assertThat(fs.mapRange(file, 0, 4 * 4096)).extracting(Extent::state).containsExactly(
                ExtentState.WRITTEN, ExtentState.UNWRITTEN, ExtentState.WRITTEN);
        assertThat(fs.mapRange(file, 4 * 4096, CHUNK - 4 * 4096)).as("never reported: stays zeros")
                .allMatch(e -> e.state() == ExtentState.UNWRITTEN);
        java.time.Instant mtime = java.time.Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
        assertThat(provider.layoutCommit(new LayoutCommit(1, inode(), 0, -1, 100, mtime,
                LayoutTypes.NFSV4_1_FILES, new byte[0]))).as("a commit below the size does not shrink it")
                .isEqualTo(-1);
        assertThat(fs.getattr(file).mtime()).as("the client's time_modify").isEqualTo(mtime);
    }

    @Test
    void committedRanges_stayKnownAsWritten_untilNoLayoutIsLeft() throws Exception {
        UnwrittenExtents ue = provider.unwrittenExtents();
        table.grant(7, 1, inode(), handle(), List.of(new LayoutRange(LayoutIoMode.READ_WRITE, 0, -1)));
        ue.allocate(file, 0, 10);
        ue.written(file, 0, 4096);
        provider.layoutCommit(new LayoutCommit(1, inode(), 0, -1, 99, null, LayoutTypes.NFSV4_1_FILES,
                new byte[0]));
        // A data server completing the same block after the commit must still keep these bytes.
        assertThat(ue.reportedWithin(file, 0, 4096)).containsExactly(new long[] {0, 4096});
        provider.layoutCommit(new LayoutCommit(1, inode(), 0, -1, 99, null, LayoutTypes.NFSV4_1_FILES,
                new byte[0]));
        assertThat(fs.mapRange(file, 0, 4096)).extracting(Extent::state).containsExactly(ExtentState.WRITTEN);

        table.returnAll(1);
        provider.layoutReturn(1, inode(), LayoutIoMode.ANY, 0, -1, new byte[0]);
        assertThat(ue.reportedWithin(file, 0, 4096)).isEmpty();
    }

    @Test
    void truncatedFile_uncommittedDataServerWritesAreNeverConverted() throws Exception {
        provider.unwrittenExtents().allocate(file, 0, 10);
        provider.unwrittenExtents().written(file, 0, 4096);
        table.grant(7, 1, inode(), handle(), List.of(new LayoutRange(LayoutIoMode.READ_WRITE, 0, -1)));
        assertThat(provider.truncatedOrRemoved(inode())).as("layouts recalled").isEqualTo(1);
        assertThat(callbacks).containsExactly("recall 1 " + inode());
        provider.layoutCommit(new LayoutCommit(1, inode(), 0, 4096, 4095, null, LayoutTypes.NFSV4_1_FILES,
                new byte[0]));
        assertThat(fs.mapRange(file, 0, 4096)).extracting(Extent::state).containsExactly(ExtentState.UNWRITTEN);
    }

    @Test
    void dataServerGone_newDevice_clientsNotified_layoutsRecalled_unreturnedRevoked() throws Exception {
        DeviceId old = devices.current().orElseThrow().id();
        table.grant(7, 1, inode(), handle(), List.of(new LayoutRange(LayoutIoMode.READ_WRITE, 0, -1)));
        provider.dataServersChanged(THREE.subList(0, 2));
        DeviceId now = devices.current().orElseThrow().id();
        assertThat(now).isNotEqualTo(old);
        assertThat(provider.deviceList(LayoutTypes.NFSV4_1_FILES)).containsExactly(now);
        assertThat(provider.deviceInfo(old, LayoutTypes.NFSV4_1_FILES)).as("still answers for old layouts")
                .isNotNull();
        assertThat(callbacks).containsExactly("notify 1 deleted " + old, "recall 1 " + inode());
        await().atMost(Duration.ofSeconds(10)).until(() -> revoked.contains(inode()));
        assertThat(table.holding(1, inode()).orElseThrow().state()).isEqualTo(LayoutState.REVOKED);
    }

    @Test
    void recalledLayoutReturnedInTime_isNotRevoked() throws Exception {
        var sid = table.grant(7, 1, inode(), handle(), List.of(new LayoutRange(LayoutIoMode.READ_WRITE, 0, -1)));
        assertThat(provider.recallFile(inode())).isEqualTo(1);
        table.returnRange(1, inode(), sid.withSeqid(0), LayoutIoMode.ANY, 0, -1);
        provider.layoutReturn(1, inode(), LayoutIoMode.ANY, 0, -1, new byte[0]);
        // A second layout recalled now is revoked after the timeout; the returned one must not be.
        Inode other = new Inode(inode().number() + 1, 1);
        table.grant(7, 2, other, handle(), List.of(new LayoutRange(LayoutIoMode.READ, 0, -1)));
        provider.recallFile(other);
        await().atMost(Duration.ofSeconds(10)).until(() -> revoked.contains(other));
        assertThat(revoked).containsExactly(other);
    }
}
