package org.gfspnfs.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.ds.PnfsTestClient.body;
import static org.gfspnfs.ds.PnfsTestClient.ok;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.ExtentState;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.mds.layout.FilesLayoutConfig;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.GetDeviceList4Args;
import org.gfspnfs.nfs41.xdr.GetDeviceList4Res;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a data server writes into unwritten blocks, and what nobody may ever read back. */
class DataServerWriteTest {
    private static final int UNIT = 64 << 10;

    @TempDir
    Path dir;
    private InProcessPnfs pnfs;
    private final List<PnfsTestClient> clients = new ArrayList<>();
    private PnfsTestClient mds;

    @BeforeEach
    void start() throws Exception {
        pnfs = InProcessPnfs.start(dir, 2, FilesLayoutConfig.defaults().withStripeUnit(UNIT)
                .withAllocationChunk(1 << 20));
        mds = keep(PnfsTestClient.mount(pnfs.mds.address(), "writer"));
    }

    @AfterEach
    void stop() throws Exception {
        for (PnfsTestClient c : clients) {
            c.close();
        }
        pnfs.close();
    }

    @Test
    void twoPartialWritesIntoOneUnwrittenBlock_andOneAcrossBlocks_allSurvive() throws Exception {
        Target t = target("partial.bin");
        byte[] a = filled(100, 0x11);
        byte[] b = filled(50, 0x22);
        byte[] c = filled(200, 0x33);
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, 10, a)));
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, 500, b)));
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, 4000, c)));

        byte[] expected = new byte[4200];
        System.arraycopy(a, 0, expected, 10, 100);
        System.arraycopy(b, 0, expected, 500, 50);
        System.arraycopy(c, 0, expected, 4000, 200);
        Read4Res viaDs = body(ok(t.ds.session(PnfsTestClient.putFh(t.dsFh),
                PnfsTestClient.read(t.open, 0, 4200))), Op.READ);
        assertThat(viaDs.data).as("read back before LAYOUTCOMMIT").isEqualTo(expected);

        ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsEndToEndTest.layoutCommit(t.layout.stateid, 0, 4200, 4199)));
        Read4Res viaMds = body(ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsTestClient.read(t.open, 0, 8192))), Op.READ);
        assertThat(viaMds.data).isEqualTo(expected);
        assertThat(viaMds.eof).isTrue();
    }

    @Test
    void staleDeviceBlocks_neverShowThroughAnUncommittedGap() throws Exception {
        // The client writes only stripe 0, but the MDS allocated the whole 1 MiB chunk as unwritten.
        Target t = target("new.bin");
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, 0, filled(UNIT, 0x01))));
        // Those blocks held a deleted file's data: put 0xAA on the device behind every unwritten block.
        var inode = FileHandle.fromBytes(t.mdsFh).inode();
        InodeId id = new InodeId(inode.number(), inode.generation());
        List<Extent> unwritten = pnfs.fs.mapRange(id, UNIT, (1 << 20) - UNIT).stream()
                .filter(e -> e.state() == ExtentState.UNWRITTEN).toList();
        assertThat(unwritten.stream().mapToLong(Extent::length).sum()).isEqualTo((1 << 20) - UNIT);
        for (Extent e : unwritten) {
            pnfs.device.write(e.deviceOffset(), ByteBuffer.wrap(filled((int) e.length(), 0xAA)));
        }
        // The client commits as if it had written the whole MiB (the Linux client commits [0, last byte]).
        ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsEndToEndTest.layoutCommit(t.layout.stateid, 0, 1 << 20, (1 << 20) - 1)));

        Read4Res all = body(ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsTestClient.read(t.open, 0, 1 << 20))), Op.READ);
        assertThat(all.data).hasSize(1 << 20);
        assertThat(Arrays.copyOfRange(all.data, 0, UNIT)).containsOnly(0x01);
        assertThat(Arrays.copyOfRange(all.data, UNIT, 1 << 20)).as("never written: zeros, not old data")
                .containsOnly(0);
        Read4Res viaDs = body(ok(t.ds.session(PnfsTestClient.putFh(t.dsFh),
                PnfsTestClient.read(t.open, UNIT, UNIT))), Op.READ);
        assertThat(viaDs.data).containsOnly(0);
    }

    @Test
    void aReusedReplyBuffer_neverCarriesAnEarlierReadsBytes_intoGapsOrPastTheData() throws Exception {
        Target full = target("full.bin");
        ok(full.ds.session(PnfsTestClient.putFh(full.dsFh), PnfsTestClient.write(full.open, 0, filled(UNIT, 0x5a))));
        Target sparse = target("sparse.bin");
        ok(sparse.ds.session(PnfsTestClient.putFh(sparse.dsFh),
                PnfsTestClient.write(sparse.open, 10, filled(100, 0x11))));
        ok(sparse.ds.session(PnfsTestClient.putFh(sparse.dsFh),
                PnfsTestClient.write(sparse.open, 3000, filled(200, 0x22))));
        byte[] expected = new byte[3200];
        Arrays.fill(expected, 10, 110, (byte) 0x11);
        Arrays.fill(expected, 3000, 3200, (byte) 0x22);

        // The data server reads into pooled buffers that are not zeroed when taken again: each round first fills
        // one with 0x5a, then reads ranges with gaps (unwritten blocks no data server wrote) through the same pool.
        for (int round = 0; round < 5; round++) {
            Read4Res dirty = body(ok(full.ds.session(PnfsTestClient.putFh(full.dsFh),
                    PnfsTestClient.read(full.open, 0, UNIT))), Op.READ);
            assertThat(dirty.data).hasSize(UNIT).containsOnly(0x5a);
            Read4Res gaps = body(ok(sparse.ds.session(PnfsTestClient.putFh(sparse.dsFh),
                    PnfsTestClient.read(sparse.open, 0, UNIT))), Op.READ);
            assertThat(gaps.data).as("round %d: written bytes, zeros between", round).isEqualTo(expected);
            Read4Res none = body(ok(sparse.ds.session(PnfsTestClient.putFh(sparse.dsFh),
                    PnfsTestClient.read(sparse.open, 120, 2000))), Op.READ);
            assertThat(none.data).as("round %d: a range nobody wrote", round).hasSize(2000).containsOnly(0);
        }
    }

    @Test
    void getDeviceList_namesTheDeviceOfTheLayouts() throws Exception {
        Target t = target("list.bin");
        GetDeviceList4Args a = new GetDeviceList4Args(LayoutTypes.NFSV4_1_FILES, 16, 0, new byte[8]);
        GetDeviceList4Res list = body(ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                new ArgOp4(Op.GETDEVICELIST, a))), Op.GETDEVICELIST);
        byte[] layoutDevice = XdrBytes.decode(t.layout.layouts.get(0).content.body, new FileLayout4()).deviceId;
        assertThat(list.deviceIds).hasSize(1);
        assertThat(list.deviceIds.get(0).value).isEqualTo(layoutDevice);
        assertThat(list.eof).isTrue();
    }

    private record Target(PnfsTestClient ds, byte[] mdsFh, byte[] dsFh, Stateid4 open, LayoutGet4Res layout) {
    }

    /** Opens {@code name}, takes a READ_WRITE layout, and a session on data server 0 (stripe 0). */
    private Target target(String name) throws Exception {
        CompoundRes4 r = ok(mds.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                mds.openCreate(name), PnfsTestClient.getFh()));
        Stateid4 open = ((Open4Res) body(r, Op.OPEN)).stateid;
        byte[] fh = ((NfsFh4) body(r, Op.GETFH)).value;
        LayoutGet4Res layout = PnfsEndToEndTest.layoutGet(mds, new PnfsEndToEndTest.OpenFile(fh, open));
        byte[] dsFh = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4()).fhList.get(0).value;
        PnfsTestClient ds = keep(PnfsTestClient.mount(pnfs.dataServers.get(0).address(), "writer-" + name));
        return new Target(ds, fh, dsFh, open, layout);
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private PnfsTestClient keep(PnfsTestClient c) {
        clients.add(c);
        return c;
    }
}
