package org.gfspnfs.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.ds.PnfsTestClient.body;
import static org.gfspnfs.ds.PnfsTestClient.ok;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.mds.layout.FilesLayoutConfig;
import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.attr.Bitmaps;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.Bitmap4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.LayoutGet4Args;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;
import org.gfspnfs.nfs41.xdr.LayoutReturn4Args;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.OptionalStateid4;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LAYOUTGET as a client sees it (RFC 8881 section 18.43), over the real MDS. */
class LayoutGetTest {
    private static final int READ = 1;
    private static final int RW = 2;

    @TempDir
    Path dir;
    private InProcessPnfs pnfs;
    private final List<PnfsTestClient> clients = new ArrayList<>();
    private PnfsTestClient mds;
    private byte[] fh;
    private Stateid4 open;

    @BeforeEach
    void start() throws Exception {
        pnfs = InProcessPnfs.start(dir, 1, FilesLayoutConfig.defaults().withAllocationChunk(1 << 20));
        mds = keep(PnfsTestClient.mount(pnfs.mds.address(), "getter"));
        CompoundRes4 r = ok(mds.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                mds.openCreate("layout.bin"), PnfsTestClient.getFh()));
        open = ((Open4Res) body(r, Op.OPEN)).stateid;
        fh = ((NfsFh4) body(r, Op.GETFH)).value;
    }

    @AfterEach
    void stop() throws Exception {
        for (PnfsTestClient c : clients) {
            c.close();
        }
        pnfs.close();
    }

    @Test
    void mdsthreshold_sendsFilesBelowOneStripeUnitThroughTheMds_andSaysNothingForDirectories() throws Exception {
        Fattr4 file = body(ok(mds.session(PnfsTestClient.putFh(fh), mdsThreshold())), Op.GETATTR);
        assertThat(file.attrmask).as("the attribute is there").containsExactly(0, 0, 1 << (Attr.MDSTHRESHOLD - 64));
        // Decoded as the Linux client does (decode_first_threshold_item4): layout type, hint bitmap, hint list.
        try (Xdr x = new Xdr(file.attrVals)) {
            x.beginDecoding();
            assertThat(x.xdrDecodeInt()).as("items").isEqualTo(1);
            assertThat(x.xdrDecodeInt()).isEqualTo(LayoutTypes.NFSV4_1_FILES);
            assertThat(x.xdrDecodeIntVector()).as("read and write size hints").containsExactly(0b11);
            assertThat(x.xdrDecodeInt()).as("hint list bytes").isEqualTo(16);
            assertThat(x.xdrDecodeLong()).as("read size").isEqualTo(FilesLayoutConfig.DEFAULT_STRIPE_UNIT);
            assertThat(x.xdrDecodeLong()).as("write size").isEqualTo(FilesLayoutConfig.DEFAULT_STRIPE_UNIT);
            assertThat(x.hasMoreData()).isFalse();
        }
        Fattr4 dir = body(ok(mds.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                mdsThreshold())), Op.GETATTR);
        try (Xdr x = new Xdr(dir.attrVals)) {
            x.beginDecoding();
            assertThat(x.xdrDecodeInt()).as("no hints for a directory").isZero();
        }
    }

    private static ArgOp4 mdsThreshold() {
        return new ArgOp4(Op.GETATTR, new Bitmap4(Bitmaps.of(Attr.MDSTHRESHOLD)));
    }

    @Test
    void layoutAskedWithTheOpen_ofAFileBelowTheMdsThreshold_isTryLater_butAskedOnItsOwn_isGranted() throws Exception {
        // What the Linux client sends for `echo x > f`: OPEN(create), GETFH, LAYOUTGET(current stateid).
        CompoundRes4 small = mds.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                mds.openCreate("small.txt"), PnfsTestClient.getFh(), layoutGetCurrent());
        assertThat(small.status).isEqualTo(NfsStat.NFS4ERR_LAYOUTTRYLATER);
        assertThat(small.results).as("SEQUENCE to GETFH succeeded; LAYOUTGET is the last result").hasSize(6);
        Stateid4 smallOpen = ((Open4Res) body(small, Op.OPEN)).stateid;
        byte[] smallFh = ((NfsFh4) body(small, Op.GETFH)).value;
        assertThat(pnfs.table.all()).as("no layout state for it").isEmpty();

        // The client wants a layout after all (say its writes will be big): asked on its own, it gets one.
        ok(mds.session(PnfsTestClient.putFh(smallFh), new ArgOp4(Op.LAYOUTGET, new LayoutGet4Args(false,
                LayoutTypes.NFSV4_1_FILES, RW, 0, -1, 0, smallOpen, 4096))));
        assertThat(pnfs.table.all()).hasSize(1);

        // A file of one stripe unit or more gets its layout with the open.
        byte[] stripe = new byte[FilesLayoutConfig.DEFAULT_STRIPE_UNIT];
        ok(mds.session(PnfsTestClient.putFh(fh), PnfsTestClient.write(open, 0, stripe), PnfsTestClient.commit()));
        CompoundRes4 big = ok(mds.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                mds.openCreate("layout.bin"), layoutGetCurrent()));
        assertThat(((LayoutGet4Res) body(big, Op.LAYOUTGET)).layouts).hasSize(1);
        assertThat(pnfs.table.all()).hasSize(2);
    }

    private static ArgOp4 layoutGetCurrent() {
        return new ArgOp4(Op.LAYOUTGET, new LayoutGet4Args(false, LayoutTypes.NFSV4_1_FILES, RW, 0, -1, 0,
                new Stateid4(1, new byte[12]), 4096));
    }

    @Test
    void anonymousStateid_isBadStateid() throws Exception {
        assertThat(layoutGet(RW, new Stateid4(0, new byte[12]), 4096).status)
                .isEqualTo(NfsStat.NFS4ERR_BAD_STATEID);
    }

    @Test
    void laterLayoutGet_withTheLayoutStateid_advancesItsSeqid() throws Exception {
        LayoutGet4Res first = body(ok(layoutGet(RW, open, 4096)), Op.LAYOUTGET);
        LayoutGet4Res second = body(ok(layoutGet(READ, first.stateid, 4096)), Op.LAYOUTGET);
        assertThat(first.stateid.seqid).isEqualTo(1);
        assertThat(second.stateid.seqid).isEqualTo(2);
        assertThat(second.stateid.other).isEqualTo(first.stateid.other);
        assertThat(layoutGet(RW, first.stateid, 4096).status).as("an older seqid")
                .isEqualTo(NfsStat.NFS4ERR_OLD_STATEID);
    }

    @Test
    void maxcountTooSmallForTheLayout_isTooSmall() throws Exception {
        assertThat(layoutGet(RW, open, 16).status).isEqualTo(NfsStat.NFS4ERR_TOOSMALL);
    }

    @Test
    void readLayout_dataServerRefusesWritesWithOpenMode_butServesReads() throws Exception {
        LayoutGet4Res layout = body(ok(layoutGet(READ, open, 4096)), Op.LAYOUTGET);
        byte[] dsFh = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4()).fhList.get(0).value;
        PnfsTestClient ds = keep(PnfsTestClient.mount(pnfs.dataServers.get(0).address(), "getter"));
        CompoundRes4 w = ds.session(PnfsTestClient.putFh(dsFh), PnfsTestClient.write(open, 0, new byte[] {1}));
        assertThat(w.status).isEqualTo(NfsStat.NFS4ERR_OPENMODE);
        ok(ds.session(PnfsTestClient.putFh(dsFh), PnfsTestClient.read(open, 0, 10)));
    }

    @Test
    void layoutReturnAll_freesEveryLayoutOfTheClient() throws Exception {
        ok(layoutGet(RW, open, 4096));
        CompoundRes4 r = ok(mds.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                mds.openCreate("second.bin"), PnfsTestClient.getFh()));
        Stateid4 open2 = ((Open4Res) body(r, Op.OPEN)).stateid;
        byte[] fh2 = ((NfsFh4) body(r, Op.GETFH)).value;
        ok(mds.session(PnfsTestClient.putFh(fh2), new ArgOp4(Op.LAYOUTGET, new LayoutGet4Args(false,
                LayoutTypes.NFSV4_1_FILES, RW, 0, -1, 0, open2, 4096))));
        assertThat(pnfs.table.all()).hasSize(2);

        LayoutReturn4Args all = new LayoutReturn4Args();
        all.layoutType = LayoutTypes.NFSV4_1_FILES;
        all.ioMode = 3;
        all.returnType = LayoutReturn4Args.RETURN_ALL;
        OptionalStateid4 res = body(ok(mds.session(new ArgOp4(Op.LAYOUTRETURN, all))), Op.LAYOUTRETURN);
        assertThat(res.stateid).isNull();
        assertThat(pnfs.table.all()).isEmpty();
    }

    private CompoundRes4 layoutGet(int iomode, Stateid4 sid, int maxCount) throws Exception {
        LayoutGet4Args a = new LayoutGet4Args(false, LayoutTypes.NFSV4_1_FILES, iomode, 0, -1, 0, sid, maxCount);
        return mds.session(PnfsTestClient.putFh(fh), new ArgOp4(Op.LAYOUTGET, a));
    }

    private PnfsTestClient keep(PnfsTestClient c) {
        clients.add(c);
        return c;
    }
}
