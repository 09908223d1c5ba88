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
import org.gfspnfs.nfs41.xdr.Lock4Args;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Write delegations (RFC 8881 section 10.4): an open for reading and writing by a client alone on a file gets one;
 * its holder reads and writes with it; any other client that opens, reads or tests locks on the file recalls it.
 */
class WriteDelegationTest {
    private static final int READ = 1;
    private static final int WRITE = 2;
    private static final int BOTH = 3;
    private static final int WANT_READ_DELEG = 0x0100;
    private static final int WANT_WRITE_DELEG = 0x0200;
    private static final int WANT_NO_DELEG = 0x0400;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-04-01T00:00:00Z"));
    private TestServer server;
    private RecordingCallbacks holderCallbacks;
    private Nfs41TestClient holder;
    private Nfs41TestClient other;
    private byte[] fh;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(clock, TestServer.DEFAULT_EXPORTS,
                EngineConfig.defaults().withLease(Duration.ofSeconds(10)), null, null);
        holderCallbacks = new RecordingCallbacks();
        holder = Nfs41TestClient.connect(server.address(), "holder", 0, 0, holderCallbacks).mount();
        other = Nfs41TestClient.connect(server.address(), "other", 0, 0, new RecordingCallbacks()).mount();
        CompoundRes4 r = expectOk(other.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(other.clientId(), "o", "doc", BOTH | WANT_NO_DELEG, 0, Open4Args.UNCHECKED4,
                        AttrValues.mode(0644), null),
                Ops.getFh()));
        fh = ((NfsFh4) body(r, Op.GETFH)).value;
        Stateid4 sid = ((Open4Res) body(r, Op.OPEN)).stateid;
        expectOk(other.session(Ops.putFh(fh), Ops.write(sid, 0, 2, "hello".getBytes()), Ops.close(sid)));
    }

    @AfterEach
    void stop() throws Exception {
        holder.close();
        other.close();
        server.close();
    }

    private Open4Res holderOpen(int access) throws Exception {
        return body(expectOk(holder.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(holder.clientId(), "h", "doc", access, 0, -1, null, null))), Op.OPEN);
    }

    private CompoundRes4 otherOpen(int access) throws Exception {
        return other.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(other.clientId(), "o", "doc", access | WANT_NO_DELEG, 0, -1, null, null));
    }

    private void awaitRecallOf(Stateid4 deleg) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !holderCallbacks.received().isEmpty());
        assertThat(holderCallbacks.received().get(0).ops.get(1).opnum).isEqualTo(CbOp.CB_RECALL);
        CbRecall4Args recall = (CbRecall4Args) holderCallbacks.received().get(0).ops.get(1).args;
        assertThat(recall.stateid.other).isEqualTo(deleg.other);
        assertThat(recall.fh).isEqualTo(fh);
    }

    @Test
    void readWriteOpenOfALoneClient_getsAWriteDelegation_andReadsAndWritesWithIt() throws Exception {
        Open4Res open = holderOpen(BOTH);
        assertThat(open.delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_WRITE);
        Stateid4 deleg = open.delegationStateid;
        expectOk(holder.session(Ops.putFh(fh), Ops.write(deleg, 5, 0, " world".getBytes())));
        Read4Res read = body(expectOk(holder.session(Ops.putFh(fh), Ops.read(deleg, 0, 100))), Op.READ);
        assertThat(new String(read.data)).isEqualTo("hello world");
        expectOk(holder.session(Ops.putFh(fh), Ops.close(open.stateid)));
        expectOk(holder.session(Ops.putFh(fh), new ArgOp4(Op.DELEGRETURN, deleg)));
        assertThat(holder.session(Ops.putFh(fh), Ops.write(deleg, 0, 0, new byte[1])).status)
                .as("a returned delegation is gone").isEqualTo(NfsStat.NFS4ERR_BAD_STATEID);
    }

    @Test
    void anotherClientsReadOpen_recallsTheWriteDelegation_andGetsInOnceItIsReturned() throws Exception {
        Stateid4 deleg = holderOpen(BOTH).delegationStateid;
        assertThat(otherOpen(READ).status).isEqualTo(NfsStat.NFS4ERR_DELAY);
        awaitRecallOf(deleg);
        assertThat(otherOpen(READ).status).as("still recalling").isEqualTo(NfsStat.NFS4ERR_DELAY);

        expectOk(holder.session(Ops.putFh(fh), new ArgOp4(Op.DELEGRETURN, deleg)));
        expectOk(otherOpen(READ));
        assertThat(holderCallbacks.received()).hasSize(1);
    }

    @Test
    void anonymousReadAndLockTestFromAnotherClient_recallTheWriteDelegation() throws Exception {
        Stateid4 deleg = holderOpen(BOTH).delegationStateid;
        assertThat(other.session(Ops.putFh(fh), Ops.read(Ops.anonymous(), 0, 10)).status)
                .isEqualTo(NfsStat.NFS4ERR_DELAY);
        awaitRecallOf(deleg);
        assertThat(other.session(Ops.putFh(fh), Ops.lockt(other.clientId(), "l", Lock4Args.WRITE_LT, 0, 1))
                .status).isEqualTo(NfsStat.NFS4ERR_DELAY);

        expectOk(holder.session(Ops.putFh(fh), new ArgOp4(Op.DELEGRETURN, deleg)));
        expectOk(other.session(Ops.putFh(fh), Ops.read(Ops.anonymous(), 0, 10)));
        expectOk(other.session(Ops.putFh(fh), Ops.lockt(other.clientId(), "l", Lock4Args.WRITE_LT, 0, 1)));
    }

    @Test
    void anotherClientsGetattr_isAnsweredWithoutARecall() throws Exception {
        holderOpen(BOTH);
        expectOk(other.session(Ops.putFh(fh), Ops.getattr(3, 4)));
        assertThat(holderCallbacks.received()).isEmpty();
    }

    @Test
    void whichOpensGetWhichDelegation() throws Exception {
        assertThat(holderOpen(WRITE).delegationType).as("write-only, no wish")
                .isEqualTo(Open4Res.OPEN_DELEGATE_NONE);
        assertThat(holderOpen(BOTH | WANT_READ_DELEG).delegationType).as("read and write, wants a read delegation")
                .isEqualTo(Open4Res.OPEN_DELEGATE_NONE_EXT);
        assertThat(holderOpen(BOTH | WANT_NO_DELEG).delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_NONE_EXT);
        Open4Res wanted = holderOpen(WRITE | WANT_WRITE_DELEG);
        assertThat(wanted.delegationType).as("write-only, wants a write delegation")
                .isEqualTo(Open4Res.OPEN_DELEGATE_WRITE);
        assertThat(holderOpen(BOTH).delegationType).as("already holds one").isEqualTo(Open4Res.OPEN_DELEGATE_NONE);
    }

    @Test
    void openClaimedUnderTheDelegation_mayWriteUnderAWriteDelegation_notUnderARead() throws Exception {
        Stateid4 write = holderOpen(BOTH).delegationStateid;
        Open4Res converted = body(expectOk(holder.session(Ops.putFh(fh),
                Ops.openUnderDelegation(holder.clientId(), "local-rw", BOTH, write))), Op.OPEN);
        expectOk(holder.session(Ops.putFh(fh), Ops.write(converted.stateid, 0, 0, "x".getBytes())));
        expectOk(holder.session(Ops.putFh(fh), Ops.close(converted.stateid)));
        expectOk(holder.session(Ops.putFh(fh), new ArgOp4(Op.DELEGRETURN, write)));

        Open4Res readOnly = body(expectOk(holder.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(holder.clientId(), "r", "doc", READ, 0, -1, null, null))), Op.OPEN);
        assertThat(readOnly.delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_READ);
        assertThat(holder.session(Ops.putFh(fh),
                Ops.openUnderDelegation(holder.clientId(), "local-rw", BOTH, readOnly.delegationStateid)).status)
                .isEqualTo(NfsStat.NFS4ERR_OPENMODE);
        expectOk(holder.session(Ops.putFh(fh),
                Ops.openUnderDelegation(holder.clientId(), "local-r", READ, readOnly.delegationStateid)));
    }

    @Test
    void noWriteDelegation_whileAnotherClientHasTheFileOpen() throws Exception {
        Stateid4 otherOpen = ((Open4Res) body(expectOk(otherOpen(READ)), Op.OPEN)).stateid;
        assertThat(holderOpen(BOTH).delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_NONE);
        expectOk(other.session(Ops.putFh(fh), Ops.close(otherOpen)));
    }

    @Test
    void readOpenOfTheHolderItself_needsNoRecall_andAReadOnlyOpenStillGetsAReadDelegation() throws Exception {
        Open4Res mine = holderOpen(BOTH);
        Open4Res second = body(expectOk(holder.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(holder.clientId(), "h2", "doc", READ, 0, -1, null, null))), Op.OPEN);
        assertThat(second.delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_NONE);
        assertThat(holderCallbacks.received()).isEmpty();
        expectOk(holder.session(Ops.putFh(fh), Ops.close(second.stateid)));
        expectOk(holder.session(Ops.putFh(fh), Ops.close(mine.stateid)));
        expectOk(holder.session(Ops.putFh(fh), new ArgOp4(Op.DELEGRETURN, mine.delegationStateid)));

        Open4Res readOnly = body(expectOk(other.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(other.clientId(), "o2", "doc", READ, 0, -1, null, null))), Op.OPEN);
        assertThat(readOnly.delegationType).isEqualTo(Open4Res.OPEN_DELEGATE_READ);
    }
}
