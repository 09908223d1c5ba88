package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.body;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.fixture.ManualClock;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.RecordingCallbacks;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CbOp;
import org.gfspnfs.nfs41.xdr.CbRecall4Args;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Read delegations: granted to a lone reader, recalled over the backchannel when another client writes. */
class DelegationTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-04-01T00:00:00Z"));
    private TestServer server;
    private RecordingCallbacks readerCallbacks;
    private Nfs41TestClient reader;
    private Nfs41TestClient writer;
    private byte[] fh;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(clock, TestServer.DEFAULT_EXPORTS,
                EngineConfig.defaults().withLease(Duration.ofSeconds(10)), null, null);
        readerCallbacks = new RecordingCallbacks();
        reader = Nfs41TestClient.connect(server.address(), "reader", 0, 0, readerCallbacks).mount();
        writer = Nfs41TestClient.connect(server.address(), "writer").mount();
        CompoundRes4 r = expectOk(writer.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(writer.clientId(), "w", "doc", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null),
                Ops.getFh()));
        fh = ((NfsFh4) body(r, Op.GETFH)).value;
        expectOk(writer.session(Ops.putFh(fh), Ops.close(((Open4Res) body(r, Op.OPEN)).stateid)));
    }

    @AfterEach
    void stop() throws Exception {
        reader.close();
        writer.close();
        server.close();
    }

    private Open4Res readOpen() throws Exception {
        return body(expectOk(reader.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(reader.clientId(), "r", "doc", 1, 0, -1, null, null))), Op.OPEN);
    }

    private CompoundRes4 writeOpen() throws Exception {
        return writer.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(writer.clientId(), "w", "doc", 2, 0, -1, null, null));
    }

    @Test
    void loneReader_getsReadDelegation_andMayReadWithIt() throws Exception {
        Open4Res open = readOpen();
        assertThat(open.delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_READ);
        expectOk(reader.session(Ops.putFh(fh), Ops.read(open.delegationStateid, 0, 10)));
        assertThat(reader.session(Ops.putFh(fh), Ops.write(open.delegationStateid, 0, 2, new byte[1])).status)
                .isEqualTo(NfsStat.NFS4ERR_OPENMODE);
    }

    @Test
    void writerFromAnotherClient_recallsTheDelegation_andGetsInOnceItIsReturned() throws Exception {
        Stateid4 deleg = readOpen().delegationStateid;
        assertThat(writeOpen().status).isEqualTo(NfsStat.NFS4ERR_DELAY);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !readerCallbacks.received().isEmpty());
        CbRecall4Args recall = (CbRecall4Args) readerCallbacks.received().get(0).ops.get(1).args;
        assertThat(readerCallbacks.received().get(0).ops.get(1).opnum).isEqualTo(CbOp.CB_RECALL);
        assertThat(recall.stateid.other).isEqualTo(deleg.other);
        assertThat(recall.fh).isEqualTo(fh);
        assertThat(writeOpen().status).as("still recalling").isEqualTo(NfsStat.NFS4ERR_DELAY);

        expectOk(reader.session(Ops.putFh(fh), new ArgOp4(Op.DELEGRETURN, deleg)));
        expectOk(writeOpen());
        assertThat(readerCallbacks.received()).hasSize(1);
    }

    @Test
    void holderThatNeverReturns_losesTheDelegationAfterALease() throws Exception {
        Stateid4 deleg = readOpen().delegationStateid;
        assertThat(writeOpen().status).isEqualTo(NfsStat.NFS4ERR_DELAY);
        clock.advance(Duration.ofSeconds(11));
        expectOk(reader.session(Ops.putRootFh()));
        expectOk(writeOpen());
        CompoundRes4 revoked = reader.session(Ops.putFh(fh), Ops.read(deleg, 0, 1));
        assertThat(revoked.status).isEqualTo(NfsStat.NFS4ERR_DELEG_REVOKED);
        org.gfspnfs.nfs41.xdr.Sequence4Res seq = body(revoked, Op.SEQUENCE);
        assertThat(seq.statusFlags & 0x40).as("RECALLABLE_STATE_REVOKED").isNotZero();
        expectOk(reader.session(Ops.freeStateid(deleg)));
        seq = body(expectOk(reader.session(Ops.putRootFh())), Op.SEQUENCE);
        assertThat(seq.statusFlags).isZero();
        assertThat(reader.session(Ops.putFh(fh), Ops.read(deleg, 0, 1)).status)
                .isEqualTo(NfsStat.NFS4ERR_BAD_STATEID);
    }

    @Test
    void holderWithoutCallbackService_losesTheDelegationAtOnce_andTheWriterIsNotDelayed() throws Exception {
        try (Nfs41TestClient deaf = Nfs41TestClient.connect(server.address(), "deaf").mount()) {
            Open4Res open = body(expectOk(deaf.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(deaf.clientId(), "d", "doc", 1, 0, -1, null, null))), Op.OPEN);
            assertThat(open.delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_READ);
            expectOk(writeOpen());
        }
    }

    @Test
    void openUnderDelegation_isConvertedWithClaimDelegCurFh() throws Exception {
        Stateid4 deleg = readOpen().delegationStateid;
        Open4Res converted = body(expectOk(reader.session(Ops.putFh(fh),
                Ops.openUnderDelegation(reader.clientId(), "local", 1, deleg))), Op.OPEN);
        assertThat(converted.delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_NONE);
        assertThat(reader.session(Ops.putFh(fh),
                Ops.openUnderDelegation(reader.clientId(), "local", 1, new Stateid4(1, new byte[12]))).status)
                .isIn(NfsStat.NFS4ERR_BAD_STATEID, NfsStat.NFS4ERR_STALE_STATEID);
    }
}
