package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.body;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.fixture.InMemoryFileSystem;
import org.gfspnfs.nfs41.fixture.ManualClock;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.RecordingCallbacks;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.state.InMemoryRecoveryStore;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CbRecall4Args;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Write4Res;
import org.junit.jupiter.api.Test;

/** A server restart: old sessions and client ids are rejected, the grace period admits only reclaims. */
class RestartGraceTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final EngineConfig cfg = EngineConfig.defaults().withGrace(Duration.ofSeconds(60));
    private final InMemoryRecoveryStore recovery = new InMemoryRecoveryStore();

    @Test
    void restart_oldClientReclaimsInGrace_newClientWaitsUntilReclaimComplete() throws Exception {
        InMemoryFileSystem fs = TestServer.newFs(clock);
        byte[] fh;
        byte[] oldSession;
        long oldClientId;
        byte[] verifierBefore;
        try (TestServer first = TestServer.start(clock, TestServer.DEFAULT_EXPORTS, cfg, fs, recovery);
             Nfs41TestClient c = Nfs41TestClient.connect(first.address(), "survivor").mount()) {
            CompoundRes4 r = expectOk(c.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(c.clientId(), "o", "kept", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null),
                    Ops.getFh(), Ops.write(Ops.anonymous(), 0, 0, new byte[] {42})));
            fh = ((NfsFh4) body(r, Op.GETFH)).value;
            verifierBefore = ((Write4Res) body(r, Op.WRITE)).verifier;
            oldSession = c.sessionId();
            oldClientId = c.clientId();
        }
        clock.advance(Duration.ofSeconds(5));
        try (TestServer second = TestServer.start(clock, TestServer.DEFAULT_EXPORTS, cfg, fs, recovery);
             Nfs41TestClient c = Nfs41TestClient.connect(second.address(), "survivor");
             Nfs41TestClient newcomer = Nfs41TestClient.connect(second.address(), "newcomer")) {
            assertThat(c.compound(Ops.sequence(oldSession, 2, 0, false)).status)
                    .isEqualTo(NfsStat.NFS4ERR_BADSESSION);
            assertThat(c.compound(Ops.createSession(oldClientId, 2, 1)).status)
                    .isEqualTo(NfsStat.NFS4ERR_STALE_CLIENTID);

            c.exchangeId();
            c.createSession();
            newcomer.mount();
            CompoundRes4 blocked = newcomer.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(newcomer.clientId(), "n", "kept", 1, 0, -1, null, null));
            assertThat(blocked.status).isEqualTo(NfsStat.NFS4ERR_GRACE);

            ArgOp4 reclaim = Ops.reclaim(c.clientId(), "o", 3, Open4Res.OPEN_DELEGATE_NONE);
            CompoundRes4 reclaimed = expectOk(c.session(Ops.putFh(fh), reclaim,
                    Ops.write(Ops.anonymous(), 1, 0, new byte[] {43})));
            assertThat(((Open4Res) body(reclaimed, Op.OPEN)).stateid).isNotNull();
            assertThat(((Write4Res) body(reclaimed, Op.WRITE)).verifier).isNotEqualTo(verifierBefore);

            assertThat(newcomer.session(Ops.putFh(fh), Ops.read(Ops.anonymous(), 0, 1)).status)
                    .as("I/O without state is allowed in grace").isEqualTo(NfsStat.NFS4_OK);
            expectOk(c.session(Ops.reclaimComplete()));
            expectOk(newcomer.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(newcomer.clientId(), "n", "kept", 1, 0, -1, null, null)));
            assertThat(c.session(Ops.putFh(fh), reclaim).status)
                    .isEqualTo(NfsStat.NFS4ERR_NO_GRACE);
        }
    }

    @Test
    void graceEndsByTime_evenIfAClientNeverReturns() throws Exception {
        InMemoryFileSystem fs = TestServer.newFs(clock);
        try (TestServer first = TestServer.start(clock, TestServer.DEFAULT_EXPORTS, cfg, fs, recovery);
             Nfs41TestClient c = Nfs41TestClient.connect(first.address(), "gone").mount()) {
            expectOk(c.session(Ops.putRootFh()));
        }
        clock.advance(Duration.ofSeconds(5));
        try (TestServer second = TestServer.start(clock, TestServer.DEFAULT_EXPORTS, cfg, fs, recovery);
             Nfs41TestClient n = Nfs41TestClient.connect(second.address(), "late").mount()) {
            assertThat(n.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(n.clientId(), "n", "f", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null)).status)
                    .isEqualTo(NfsStat.NFS4ERR_GRACE);
            clock.advance(Duration.ofSeconds(61));
            expectOk(n.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(n.clientId(), "n", "f", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null)));
        }
    }

    @Test
    void restart_aReclaimGetsBackTheDelegationItNames_whichIsThenRecalledLikeAnyOther() throws Exception {
        InMemoryFileSystem fs = TestServer.newFs(clock);
        byte[] fh;
        try (TestServer first = TestServer.start(clock, TestServer.DEFAULT_EXPORTS, cfg, fs, recovery);
             Nfs41TestClient c = Nfs41TestClient.connect(first.address(), "holder", 0, 0, new RecordingCallbacks())
                     .mount()) {
            CompoundRes4 r = expectOk(c.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(c.clientId(), "o", "cached", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null),
                    Ops.getFh()));
            assertThat(((Open4Res) body(r, Op.OPEN)).delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_WRITE);
            fh = ((NfsFh4) body(r, Op.GETFH)).value;
        }
        clock.advance(Duration.ofSeconds(5));
        RecordingCallbacks callbacks = new RecordingCallbacks();
        try (TestServer second = TestServer.start(clock, TestServer.DEFAULT_EXPORTS, cfg, fs, recovery);
             Nfs41TestClient c = Nfs41TestClient.connect(second.address(), "holder", 0, 0, callbacks);
             Nfs41TestClient other = Nfs41TestClient.connect(second.address(), "other", 0, 0,
                     new RecordingCallbacks())) {
            c.exchangeId();
            c.createSession();
            Open4Res without = body(expectOk(c.session(Ops.putFh(fh),
                    Ops.reclaim(c.clientId(), "o", 3, Open4Res.OPEN_DELEGATE_NONE))), Op.OPEN);
            Open4Res with = body(expectOk(c.session(Ops.putFh(fh),
                    Ops.reclaim(c.clientId(), "o", 3, Open4Res.OPEN_DELEGATE_WRITE))), Op.OPEN);
            assertThat(without.delegationType).as("a reclaim naming no delegation")
                    .isEqualTo(Open4Res.OPEN_DELEGATE_NONE);
            assertThat(with.delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_WRITE);
            expectOk(c.session(Ops.putFh(fh), Ops.write(with.delegationStateid, 0, 0, new byte[] {7})));
            expectOk(c.session(Ops.reclaimComplete()));

            other.mount();
            assertThat(other.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(other.clientId(), "p", "cached", 1, 0, -1, null, null)).status)
                    .isEqualTo(NfsStat.NFS4ERR_DELAY);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !callbacks.received().isEmpty());
            CbRecall4Args recall = (CbRecall4Args) callbacks.received().get(0).ops.get(1).args;
            assertThat(recall.stateid.other).isEqualTo(with.delegationStateid.other);
        }
    }
}
