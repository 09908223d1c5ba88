package org.gfspnfs.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gfspnfs.ds.PnfsTestClient.body;
import static org.gfspnfs.ds.PnfsTestClient.ok;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.mds.layout.DataServerAddress;
import org.gfspnfs.mds.layout.FilesLayoutConfig;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CbLayoutRecall4Args;
import org.gfspnfs.nfs41.xdr.CbNotifyDeviceId4Args;
import org.gfspnfs.nfs41.xdr.CbOp;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.NotifyDeviceId4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.OptionalStateid4;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CB_LAYOUTRECALL and CB_NOTIFY_DEVICEID over a real backchannel, and what the data servers do afterwards. */
class LayoutRecallTest {
    @TempDir
    Path dir;
    private InProcessPnfs pnfs;
    private final LayoutCallbacks callbacks = new LayoutCallbacks();
    private final List<PnfsTestClient> clients = new ArrayList<>();
    private PnfsTestClient mds;
    private PnfsTestClient ds;
    private byte[] fh;
    private Stateid4 open;
    private LayoutGet4Res layout;

    @BeforeEach
    void start() throws Exception {
        pnfs = InProcessPnfs.start(dir, 2, FilesLayoutConfig.defaults().withStripeUnit(64 << 10)
                .withAllocationChunk(1 << 20).withRecallTimeout(Duration.ofSeconds(30)));
        mds = keep(PnfsTestClient.mount(pnfs.mds.address(), "recall", callbacks));
        CompoundRes4 r = ok(mds.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                mds.openCreate("recalled.bin"), PnfsTestClient.getFh()));
        open = ((Open4Res) body(r, Op.OPEN)).stateid;
        fh = ((NfsFh4) body(r, Op.GETFH)).value;
        layout = PnfsEndToEndTest.layoutGet(mds, new PnfsEndToEndTest.OpenFile(fh, open));
        ds = keep(PnfsTestClient.mount(pnfs.dataServers.get(0).address(), "recall"));
        assertThat(dsWrite().status).isEqualTo(NfsStat.NFS4_OK);
    }

    @AfterEach
    void stop() throws Exception {
        for (PnfsTestClient c : clients) {
            c.close();
        }
        pnfs.close();
    }

    @Test
    void truncateRecall_carriesTheAdvancedLayoutStateid_clientReturns_dataServerStopsServingIt() throws Exception {
        Inode inode = FileHandle.fromBytes(fh).inode();
        assertThat(pnfs.provider.recallFile(inode)).isEqualTo(1);

        CbLayoutRecall4Args recall = (CbLayoutRecall4Args) awaitCallback(CbOp.CB_LAYOUTRECALL).args;
        assertThat(recall.recallType).isEqualTo(CbLayoutRecall4Args.RECALL_FILE);
        assertThat(recall.layoutType).isEqualTo(LayoutTypes.NFSV4_1_FILES);
        assertThat(recall.fh).isEqualTo(fh);
        assertThat(recall.stateid.other).isEqualTo(layout.stateid.other);
        assertThat(recall.stateid.seqid).as("seqid advanced by the recall").isEqualTo(layout.stateid.seqid + 1);

        CompoundRes4 conflict = mds.session(PnfsTestClient.putFh(fh), layoutGetArgs(recall.stateid));
        assertThat(conflict.status).as("LAYOUTGET during the recall").isEqualTo(NfsStat.NFS4ERR_RECALLCONFLICT);

        OptionalStateid4 left = body(ok(mds.session(PnfsTestClient.putFh(fh),
                PnfsEndToEndTest.layoutReturn(recall.stateid))), Op.LAYOUTRETURN);
        assertThat(left.stateid).isNull();
        assertThat(dsWrite().status).as("no layout, no data server I/O").isEqualTo(NfsStat.NFS4ERR_BAD_STATEID);

        PnfsEndToEndTest.layoutGet(mds, new PnfsEndToEndTest.OpenFile(fh, open));
        assertThat(dsWrite().status).isEqualTo(NfsStat.NFS4_OK);
    }

    @Test
    void recallAnsweredDelay_isSentAgainUnchanged_untilTheClientTakesIt_thenTheReturnSettlesIt() throws Exception {
        Inode inode = FileHandle.fromBytes(fh).inode();
        callbacks.delayRecalls(3);
        assertThat(pnfs.provider.recallFile(inode)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> recalls().size() >= 4);
        List<CbLayoutRecall4Args> sent = recalls();
        assertThat(sent).as("the first three answered NFS4ERR_DELAY, the fourth taken").hasSize(4);
        for (CbLayoutRecall4Args r : sent) {
            assertThat(r.stateid.other).isEqualTo(layout.stateid.other);
            assertThat(r.stateid.seqid).as("every resend carries the one seqid of this recall")
                    .isEqualTo(layout.stateid.seqid + 1);
        }
        OptionalStateid4 left = body(ok(mds.session(PnfsTestClient.putFh(fh),
                PnfsEndToEndTest.layoutReturn(sent.get(3).stateid))), Op.LAYOUTRETURN);
        assertThat(left.stateid).isNull();
        PnfsEndToEndTest.layoutGet(mds, new PnfsEndToEndTest.OpenFile(fh, open));
        assertThat(dsWrite().status).as("a new layout after the return").isEqualTo(NfsStat.NFS4_OK);
    }

    @Test
    void recallOfALayoutAlreadyBeingRecalled_sendsNothing_andLeavesTheSeqidAlone() throws Exception {
        Inode inode = FileHandle.fromBytes(fh).inode();
        pnfs.provider.recallFile(inode);
        CbLayoutRecall4Args recall = (CbLayoutRecall4Args) awaitCallback(CbOp.CB_LAYOUTRECALL).args;
        pnfs.provider.recallFile(inode);
        pnfs.provider.truncatedOrRemoved(inode);

        // Had the seqid advanced again, the client would be two behind: Linux answers that NFS4ERR_DELAY for good.
        OptionalStateid4 left = body(ok(mds.session(PnfsTestClient.putFh(fh),
                PnfsEndToEndTest.layoutReturn(recall.stateid))), Op.LAYOUTRETURN);
        assertThat(left.stateid).isNull();
        assertThat(recalls()).as("one CB_LAYOUTRECALL for the three recalls").hasSize(1);
    }

    @Test
    void dataServerGone_clientHearsDeviceDeleted_layoutRecalled_newLayoutNamesNewDevice() throws Exception {
        byte[] oldDevice = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4()).deviceId;
        pnfs.provider.dataServersChanged(List.of(new DataServerAddress("ds0", "127.0.0.1",
                pnfs.dataServers.get(0).address().getPort())));

        CbNotifyDeviceId4Args notify = (CbNotifyDeviceId4Args) awaitCallback(CbOp.CB_NOTIFY_DEVICEID).args;
        assertThat(notify.changes).hasSize(1);
        assertThat(notify.changes.get(0).mask).containsExactly(1 << NotifyDeviceId4.DELETE);
        NotifyDeviceId4 deleted = new NotifyDeviceId4();
        deleted.type = NotifyDeviceId4.DELETE;
        XdrBytes.decode(notify.changes.get(0).vals, deleted);
        assertThat(deleted.deviceId).isEqualTo(oldDevice);
        assertThat(deleted.layoutType).isEqualTo(LayoutTypes.NFSV4_1_FILES);
        CbLayoutRecall4Args recall = (CbLayoutRecall4Args) awaitCallback(CbOp.CB_LAYOUTRECALL).args;
        ok(mds.session(PnfsTestClient.putFh(fh), PnfsEndToEndTest.layoutReturn(recall.stateid)));

        LayoutGet4Res fresh = PnfsEndToEndTest.layoutGet(mds, new PnfsEndToEndTest.OpenFile(fh, open));
        assertThat(XdrBytes.decode(fresh.layouts.get(0).content.body, new FileLayout4()).deviceId)
                .as("new layouts name the new device").isNotEqualTo(oldDevice);
    }

    private ArgOp4 awaitCallback(int opnum) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> callbacks.received().stream().anyMatch(op -> op.opnum == opnum));
        return callbacks.received().stream().filter(op -> op.opnum == opnum).findFirst().orElseThrow();
    }

    private List<CbLayoutRecall4Args> recalls() {
        return callbacks.received().stream().filter(op -> op.opnum == CbOp.CB_LAYOUTRECALL)
                .map(op -> (CbLayoutRecall4Args) op.args).toList();
    }

    private ArgOp4 layoutGetArgs(Stateid4 sid) {
        return new ArgOp4(Op.LAYOUTGET, new org.gfspnfs.nfs41.xdr.LayoutGet4Args(false, LayoutTypes.NFSV4_1_FILES,
                2, 0, -1, 0, sid, 4096));
    }

    private CompoundRes4 dsWrite() throws Exception {
        byte[] dsFh = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4()).fhList.get(0).value;
        return ds.session(PnfsTestClient.putFh(dsFh), PnfsTestClient.write(open, 0, new byte[] {7}));
    }

    private PnfsTestClient keep(PnfsTestClient c) {
        clients.add(c);
        return c;
    }
}
