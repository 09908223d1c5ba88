package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.time.Duration;
import java.time.Instant;

import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.fixture.ManualClock;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CompoundArgs4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.CreateSession4Res;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions, the slot table and reply cache, operation order rules, leases (RFC 8881 sections 2.10, 8.3). */
class SessionTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private TestServer server;
    private Nfs41TestClient client;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(clock, TestServer.DEFAULT_EXPORTS,
                EngineConfig.defaults().withLease(Duration.ofSeconds(10)), null, null);
        client = Nfs41TestClient.connect(server.address(), "session-client").mount();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void retransmittedRequest_isAnsweredFromReplyCache_notExecutedTwice() throws Exception {
        int seq = client.nextSlotSeq();
        ArgOp4[] mkdir = {Ops.putRootFh(), Ops.lookup("export"), Ops.mkdir("once", AttrValues.mode(0755))};
        CompoundRes4 first = expectOk(client.onSlot(0, seq, true, mkdir));
        CompoundRes4 replay = client.onSlot(0, seq, true, mkdir);
        assertThat(replay.status).isEqualTo(NfsStat.NFS4_OK);
        assertThat(replay.results).hasSameSizeAs(first.results);
        client.skipSlotSeq(1);
        CompoundRes4 newRequest = client.session(mkdir);
        assertThat(newRequest.status).as("executing again would find the directory").isEqualTo(NfsStat.NFS4ERR_EXIST);
    }

    @Test
    void retransmissionOfUncachedReply_isRetryUncachedRep() throws Exception {
        int seq = client.nextSlotSeq();
        expectOk(client.onSlot(0, seq, false, Ops.putRootFh()));
        assertThat(client.onSlot(0, seq, false, Ops.putRootFh()).status)
                .isEqualTo(NfsStat.NFS4ERR_RETRY_UNCACHED_REP);
    }

    @Test
    void sequenceIdSkippingAhead_isSeqMisordered() throws Exception {
        assertThat(client.onSlot(0, client.nextSlotSeq() + 5, false, Ops.putRootFh()).status)
                .isEqualTo(NfsStat.NFS4ERR_SEQ_MISORDERED);
    }

    @Test
    void slotOutsideTable_isBadSlot() throws Exception {
        assertThat(client.onSlot(1000, 1, false, Ops.putRootFh()).status).isEqualTo(NfsStat.NFS4ERR_BADSLOT);
    }

    @Test
    void otherSlotsHaveTheirOwnSequence() throws Exception {
        expectOk(client.onSlot(1, 1, false, Ops.putRootFh()));
        expectOk(client.onSlot(1, 2, false, Ops.putRootFh()));
        expectOk(client.session(Ops.putRootFh()));
    }

    @Test
    void compoundWithoutSequence_isOpNotInSession() throws Exception {
        CompoundRes4 r = client.compound(Ops.putRootFh(), Ops.getFh());
        assertThat(r.status).isEqualTo(NfsStat.NFS4ERR_OP_NOT_IN_SESSION);
        assertThat(r.results).hasSize(1);
    }

    @Test
    void sequenceNotFirst_isSequencePos() throws Exception {
        CompoundRes4 r = client.session(Ops.putRootFh(), Ops.sequence(client.sessionId(), 99, 0, false));
        assertThat(r.status).isEqualTo(NfsStat.NFS4ERR_SEQUENCE_POS);
    }

    @Test
    void exchangeIdWithOtherOperations_isNotOnlyOp() throws Exception {
        CompoundRes4 r = client.compound(Ops.exchangeId(new byte[] {1}, new byte[8]), Ops.putRootFh());
        assertThat(r.status).isEqualTo(NfsStat.NFS4ERR_NOT_ONLY_OP);
    }

    @Test
    void minorVersionsOtherThanOne_areMinorVersMismatch() throws Exception {
        for (int minor : new int[] {0, 2}) {
            CompoundArgs4 args = new CompoundArgs4();
            args.minorVersion = minor;
            args.ops.add(Ops.putRootFh());
            CompoundRes4 r = client.send(args);
            assertThat(r.status).isEqualTo(NfsStat.NFS4ERR_MINOR_VERS_MISMATCH);
            assertThat(r.results).isEmpty();
        }
    }

    @Test
    void unknownOperationNumber_isOpIllegal() throws Exception {
        CompoundRes4 r = client.session(Ops.putRootFh(), new ArgOp4(9999, new XdrVoid()));
        assertThat(r.status).isEqualTo(NfsStat.NFS4ERR_OP_ILLEGAL);
        assertThat(r.results.get(r.results.size() - 1).opnum).isEqualTo(Op.ILLEGAL);
        assertThat(r.results.get(1).status).isEqualTo(NfsStat.NFS4_OK);
    }

    @Test
    void nfsv40OnlyOperation_isNotSupp() throws Exception {
        CompoundRes4 r = client.session(new ArgOp4(Op.RENEW, new XdrVoid()));
        assertThat(r.status).isEqualTo(NfsStat.NFS4ERR_NOTSUPP);
    }

    @Test
    void unknownSession_isBadSession() throws Exception {
        CompoundRes4 r = client.compound(Ops.sequence(new byte[16], 1, 0, false), Ops.putRootFh());
        assertThat(r.status).isEqualTo(NfsStat.NFS4ERR_BADSESSION);
    }

    @Test
    void destroySession_thenClientId_releasesEverything() throws Exception {
        expectOk(client.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(client.clientId(), "o", "f", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null)));
        assertThat(server.server().services().states().totalStates()).as("the open and its write delegation")
                .isEqualTo(2);
        assertThat(client.compound(Ops.destroyClientId(client.clientId())).status)
                .isEqualTo(NfsStat.NFS4ERR_CLIENTID_BUSY);
        expectOk(client.compound(Ops.destroySession(client.sessionId())));
        assertThat(client.session(Ops.putRootFh()).status).isEqualTo(NfsStat.NFS4ERR_BADSESSION);
        expectOk(client.compound(Ops.destroyClientId(client.clientId())));
        assertThat(server.server().services().states().totalStates()).isZero();
        assertThat(server.server().services().clients().clients()).isEmpty();
    }

    @Test
    void createSessionRetransmission_returnsTheSameSession() throws Exception {
        int seq = client.exchangeId().sequenceId;
        CreateSession4Res first = client.createSession();
        CompoundRes4 again = client.compound(Ops.createSession(client.clientId(), seq, Nfs41TestClient.CB_PROGRAM));
        assertThat(again.status).isEqualTo(NfsStat.NFS4_OK);
        assertThat(((CreateSession4Res) again.results.get(0).body).sessionId).isEqualTo(first.sessionId);
    }

    @Test
    void clientVanishingMidCompound_leavesNoBusySlotAndTheServerServesOthers() throws Exception {
        Nfs41TestClient vanishing = Nfs41TestClient.connect(server.address(), "vanishing").mount();
        vanishing.sessionNoWait(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(vanishing.clientId(), "o", "big", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null),
                Ops.write(Ops.anonymous(), 0, 2, new byte[1 << 20]), Ops.read(Ops.anonymous(), 0, 1 << 20));
        vanishing.close();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                server.server().services().sessions().all().stream().allMatch(s -> s.slots().busySlots() == 0));
        expectOk(client.session(Ops.putRootFh(), Ops.lookup("export"), Ops.getattr(1)));
    }

    @Test
    void rebootedClient_newVerifierReplacesOldRecordAndReleasesItsStateOnConfirm() throws Exception {
        expectOk(client.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(client.clientId(), "o", "f", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null)));
        long oldId = client.clientId();
        try (Nfs41TestClient rebooted = Nfs41TestClient.connect(server.address(), "session-client")) {
            CompoundRes4 r = expectOk(rebooted.compound(Ops.exchangeId("session-client".getBytes(),
                    new byte[] {8, 7, 6, 5, 4, 3, 2, 1})));
            org.gfspnfs.nfs41.xdr.ExchangeId4Res ex = (org.gfspnfs.nfs41.xdr.ExchangeId4Res) r.results.get(0).body;
            assertThat(ex.clientId).isNotEqualTo(oldId);
            assertThat(ex.flags & 0x80000000).as("not confirmed yet").isZero();
            assertThat(server.server().services().states().totalStates()).as("old state kept until confirm")
                    .isEqualTo(2);
            expectOk(rebooted.compound(Ops.createSession(ex.clientId, ex.sequenceId, Nfs41TestClient.CB_PROGRAM)));
            assertThat(server.server().services().states().totalStates()).isZero();
            assertThat(client.session(Ops.putRootFh()).status).isEqualTo(NfsStat.NFS4ERR_BADSESSION);
        }
    }

    @Test
    void sameOwnerAndVerifier_getsTheConfirmedClientBack() throws Exception {
        CompoundRes4 r = expectOk(client.compound(Ops.exchangeId("session-client".getBytes(),
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
        org.gfspnfs.nfs41.xdr.ExchangeId4Res ex = (org.gfspnfs.nfs41.xdr.ExchangeId4Res) r.results.get(0).body;
        assertThat(ex.clientId).isEqualTo(client.clientId());
        assertThat(ex.flags & 0x80000000).isNotZero();
    }

    @Test
    void channelLimits_areEnforced_requestTooBig_replyTooBig_replyTooBigToCache() throws Exception {
        int seq = client.exchangeId().sequenceId;
        org.gfspnfs.nfs41.xdr.ChannelAttrs4 small = new org.gfspnfs.nfs41.xdr.ChannelAttrs4(0, 600, 600, 120, 16, 2,
                new int[0]);
        CompoundRes4 cs = expectOk(client.compound(Ops.createSession(client.clientId(), seq,
                Nfs41TestClient.CB_PROGRAM, small)));
        byte[] sid = ((CreateSession4Res) cs.results.get(0).body).sessionId;
        CompoundRes4 big = client.compound(Ops.sequence(sid, 1, 0, false), Ops.putRootFh(),
                Ops.lookup("x".repeat(1000)));
        assertThat(big.status).isEqualTo(NfsStat.NFS4ERR_REQ_TOO_BIG);
        ArgOp4[] ops = new ArgOp4[10];
        ops[0] = Ops.sequence(sid, 1, 0, false);
        ops[1] = Ops.putRootFh();
        for (int i = 2; i < ops.length; i++) {
            ops[i] = Ops.getattr(0, 1, 3, 4, 8, 19, 20, 33, 35, 36, 37, 47, 52, 53);
        }
        CompoundRes4 manyAttrs = client.compound(ops);
        assertThat(manyAttrs.status).isEqualTo(NfsStat.NFS4ERR_REP_TOO_BIG);
        CompoundRes4 cached = client.compound(Ops.sequence(sid, 2, 0, true), Ops.putRootFh(), Ops.getFh(),
                Ops.getattr(0, 1, 3, 4));
        assertThat(cached.status).isEqualTo(NfsStat.NFS4ERR_REP_TOO_BIG_TO_CACHE);
    }

    @Test
    void idleClientPastLease_isExpiredWithItsState() throws Exception {
        expectOk(client.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(client.clientId(), "o", "f", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null)));
        clock.advance(Duration.ofSeconds(5));
        server.server().reapExpiredLeases();
        expectOk(client.session(Ops.putRootFh()));
        clock.advance(Duration.ofSeconds(9));
        server.server().reapExpiredLeases();
        assertThat(server.server().services().states().totalStates()).as("renewed by SEQUENCE: the open and its write delegation")
                .isEqualTo(2);
        clock.advance(Duration.ofSeconds(11));
        server.server().reapExpiredLeases();
        assertThat(server.server().services().states().totalStates()).isZero();
        assertThat(server.server().services().sessions().size()).isZero();
        assertThat(client.session(Ops.putRootFh()).status).isEqualTo(NfsStat.NFS4ERR_BADSESSION);
    }
}
