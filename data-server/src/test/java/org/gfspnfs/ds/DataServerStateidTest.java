package org.gfspnfs.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gfspnfs.ds.PnfsTestClient.body;
import static org.gfspnfs.ds.PnfsTestClient.ok;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.mds.layout.FilesLayoutConfig;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.pnfs.LayoutState;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data server honours a stateid only while the MDS does (RFC 8881 section 13.9.1), and says why it refuses:
 * unknown BAD_STATEID, layout revoked ADMIN_REVOKED, client gone EXPIRED.
 */
class DataServerStateidTest {
    @TempDir
    Path dir;
    private InProcessPnfs pnfs;
    private final List<PnfsTestClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (PnfsTestClient c : clients) {
            c.close();
        }
        pnfs.close();
    }

    @Test
    void unknownStateid_isBadStateid() throws Exception {
        pnfs = InProcessPnfs.start(dir, 1, FilesLayoutConfig.defaults());
        Setup s = setup("unknown.bin");
        Stateid4 madeUp = new Stateid4(1, new byte[] {9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0, 7});
        assertThat(dsWrite(s, madeUp).status).isEqualTo(NfsStat.NFS4ERR_BAD_STATEID);
    }

    @Test
    void openWithoutLayout_isRefusedByTheDataServer() throws Exception {
        pnfs = InProcessPnfs.start(dir, 1, FilesLayoutConfig.defaults());
        Setup s = setup("nolayout.bin");
        PnfsTestClient other = mount(pnfs.mds.address(), "other");
        CompoundRes4 r = ok(other.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                other.openCreate("nolayout.bin")));
        Stateid4 otherOpen = ((Open4Res) body(r, Op.OPEN)).stateid;
        assertThat(dsWrite(s, otherOpen).status).isEqualTo(NfsStat.NFS4ERR_BAD_STATEID);
        assertThat(dsWrite(s, s.open).status).as("the layout holder may write").isEqualTo(NfsStat.NFS4_OK);
    }

    @Test
    void recallNotAnswered_layoutRevoked_dataServerAnswersAdminRevoked_untilNewLayout() throws Exception {
        pnfs = InProcessPnfs.start(dir, 1, FilesLayoutConfig.defaults().withRecallTimeout(Duration.ofMillis(200)));
        Setup s = setup("revoked.bin");
        assertThat(dsWrite(s, s.open).status).isEqualTo(NfsStat.NFS4_OK);

        var inode = FileHandle.fromBytes(s.mdsFh).inode();
        assertThat(pnfs.provider.recallFile(inode)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pnfs.table.holding(s.mds.clientId(), inode)
                .map(h -> h.state() == LayoutState.REVOKED).orElse(false));

        assertThat(dsWrite(s, s.open).status).isEqualTo(NfsStat.NFS4ERR_ADMIN_REVOKED);
        CompoundRes4 again = s.mds.session(PnfsTestClient.putFh(s.mdsFh),
                new org.gfspnfs.nfs41.xdr.ArgOp4(Op.LAYOUTGET, new org.gfspnfs.nfs41.xdr.LayoutGet4Args(false, 1, 2,
                        0, -1, 0, s.layout.stateid, 4096)));
        assertThat(again.status).as("the revoked layout stateid").isEqualTo(NfsStat.NFS4ERR_ADMIN_REVOKED);

        PnfsEndToEndTest.layoutGet(s.mds, new PnfsEndToEndTest.OpenFile(s.mdsFh, s.open));
        assertThat(dsWrite(s, s.open).status).as("a fresh layout").isEqualTo(NfsStat.NFS4_OK);
    }

    @Test
    void clientLeaseExpired_dataServerAnswersExpired() throws Exception {
        MutableClock clock = new MutableClock();
        pnfs = InProcessPnfs.start(dir, 1, FilesLayoutConfig.defaults(), clock);
        Setup s = setup("expired.bin");
        assertThat(dsWrite(s, s.open).status).isEqualTo(NfsStat.NFS4_OK);

        clock.advance(Duration.ofMinutes(5));
        pnfs.mds.reapExpiredLeases();

        assertThat(dsWrite(s, s.open).status).isEqualTo(NfsStat.NFS4ERR_EXPIRED);
        assertThat(pnfs.table.all()).as("the expired client's layouts are gone").isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private record Setup(PnfsTestClient mds, PnfsTestClient ds, byte[] mdsFh, byte[] dsFh, Stateid4 open,
                         LayoutGet4Res layout) {
    }

    /** A client that opened {@code name}, holds a READ_WRITE layout, and has a session on data server 0. */
    private Setup setup(String name) throws Exception {
        PnfsTestClient mds = mount(pnfs.mds.address(), "owner-" + name);
        CompoundRes4 r = ok(mds.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                mds.openCreate(name), PnfsTestClient.getFh()));
        Stateid4 open = ((Open4Res) body(r, Op.OPEN)).stateid;
        byte[] fh = ((NfsFh4) body(r, Op.GETFH)).value;
        LayoutGet4Res layout = PnfsEndToEndTest.layoutGet(mds, new PnfsEndToEndTest.OpenFile(fh, open));
        FileLayout4 fl = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4());
        PnfsTestClient ds = mount(pnfs.dataServers.get(0).address(), "owner-" + name);
        return new Setup(mds, ds, fh, fl.fhList.get(0).value, open, layout);
    }

    private static CompoundRes4 dsWrite(Setup s, Stateid4 sid) throws Exception {
        return s.ds.session(PnfsTestClient.putFh(s.dsFh), PnfsTestClient.write(sid, 0, new byte[] {1, 2, 3}));
    }

    private PnfsTestClient mount(java.net.InetSocketAddress a, String owner) throws Exception {
        PnfsTestClient c = PnfsTestClient.mount(a, owner);
        clients.add(c);
        return c;
    }
}
