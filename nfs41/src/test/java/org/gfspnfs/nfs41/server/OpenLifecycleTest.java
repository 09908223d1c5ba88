package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.body;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.time.Duration;
import java.time.Instant;

import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.fixture.ManualClock;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.junit.jupiter.api.Test;

/** The filesystem hears of every open and its end, so unlinked-but-open files stay usable. */
class OpenLifecycleTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-02-01T00:00:00Z"));

    @Test
    void unlinkedOpenFile_staysReadableUntilClose() throws Exception {
        try (TestServer s = TestServer.start(clock, TestServer.DEFAULT_EXPORTS, EngineConfig.defaults(), null, null);
             Nfs41TestClient c = Nfs41TestClient.connect(s.address(), "unlinker").mount()) {
            CompoundRes4 r = expectOk(c.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(c.clientId(), "o", "tmp", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0600), null),
                    Ops.getFh(), Ops.write(Ops.anonymous(), 0, 2, new byte[] {7, 7})));
            Open4Res open = body(r, Op.OPEN);
            assertThat(open.rflags & Open4Res.OPEN4_RESULT_PRESERVE_UNLINKED).isNotZero();
            byte[] fh = ((NfsFh4) body(r, Op.GETFH)).value;
            Inode inode = FileHandle.fromBytes(fh).inode();
            expectOk(c.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(c.clientId(), "o", "tmp", 1, 0, -1, null, null)));
            assertThat(s.fs().openCount(inode)).as("an upgrade is not a second open").isEqualTo(1);

            expectOk(c.session(Ops.putRootFh(), Ops.lookup("export"), Ops.remove("tmp")));
            Read4Res data = body(expectOk(c.session(Ops.putFh(fh), Ops.read(open.stateid, 0, 10))), Op.READ);
            assertThat(data.data).containsExactly(7, 7);

            Stateid4 current = new Stateid4(0, open.stateid.other);
            expectOk(c.session(Ops.putFh(fh), Ops.close(current)));
            assertThat(s.fs().exists(inode)).isFalse();
            assertThat(c.session(Ops.putFh(fh), Ops.getattr(1)).status).isEqualTo(NfsStat.NFS4ERR_STALE);
        }
    }

    @Test
    void leaseExpiry_closesTheClientsOpens() throws Exception {
        EngineConfig cfg = EngineConfig.defaults().withLease(Duration.ofSeconds(10));
        try (TestServer s = TestServer.start(clock, TestServer.DEFAULT_EXPORTS, cfg, null, null);
             Nfs41TestClient c = Nfs41TestClient.connect(s.address(), "vanishing").mount()) {
            CompoundRes4 r = expectOk(c.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(c.clientId(), "o", "f", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0600), null),
                    Ops.getFh()));
            Inode inode = FileHandle.fromBytes(((NfsFh4) body(r, Op.GETFH)).value).inode();
            assertThat(s.fs().openCount(inode)).isEqualTo(1);
            clock.advance(Duration.ofSeconds(11));
            s.server().reapExpiredLeases();
            assertThat(s.fs().openCount(inode)).isZero();
        }
    }

    @Test
    void rootMayGiveAFileToAnyGroup() throws Exception {
        try (TestServer s = TestServer.start();
             Nfs41TestClient c = Nfs41TestClient.connect(s.address(), "chown").mount()) {
            expectOk(c.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(c.clientId(), "o", "g", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0600), null)));
            org.gfspnfs.nfs41.xdr.Fattr4 group = new org.gfspnfs.nfs41.xdr.Fattr4(
                    org.gfspnfs.nfs41.attr.Bitmaps.of(org.gfspnfs.nfs41.attr.Attr.OWNER_GROUP),
                    org.gfspnfs.nfs41.xdr.XdrBytes.encode(x -> org.gfspnfs.nfs41.xdr.XdrBounds.utf8(x, "5678")));
            expectOk(c.session(Ops.putRootFh(), Ops.lookup("export"), Ops.lookup("g"),
                    Ops.setattr(Ops.anonymous(), group)));
        }
    }
}
