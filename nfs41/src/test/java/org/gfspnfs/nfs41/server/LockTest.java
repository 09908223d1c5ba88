package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.body;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.Lock4Args;
import org.gfspnfs.nfs41.xdr.LockDenied4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.TestStateid4Res;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Share reservations and byte-range locks between two clients (RFC 8881 chapter 9). */
class LockTest {
    private TestServer server;
    private Nfs41TestClient alice;
    private Nfs41TestClient bob;
    private byte[] fh;
    private Stateid4 aliceOpen;
    private Stateid4 bobOpen;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        alice = Nfs41TestClient.connect(server.address(), "alice").mount();
        bob = Nfs41TestClient.connect(server.address(), "bob").mount();
        CompoundRes4 r = expectOk(alice.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(alice.clientId(), "a", "shared", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0666), null),
                Ops.getFh()));
        aliceOpen = ((Open4Res) body(r, Op.OPEN)).stateid;
        fh = ((NfsFh4) body(r, Op.GETFH)).value;
        bobOpen = open(bob, "b", 3, 0);
    }

    private Stateid4 open(Nfs41TestClient c, String owner, int access, int deny) throws Exception {
        CompoundRes4 r = expectOk(c.session(Ops.putRootFh(), Ops.lookup("export"),
                Ops.open(c.clientId(), owner, "shared", access, deny, -1, null, null)));
        return ((Open4Res) body(r, Op.OPEN)).stateid;
    }

    @AfterEach
    void stop() throws Exception {
        alice.close();
        bob.close();
        server.close();
    }

    @Test
    void conflictingWriteLock_isDeniedWithTheHolder_andGrantedAfterUnlock() throws Exception {
        CompoundRes4 a = expectOk(alice.session(Ops.putFh(fh),
                Ops.lockNew(aliceOpen, alice.clientId(), "alice-lo", Lock4Args.WRITE_LT, 0, 100)));
        Stateid4 aliceLock = body(a, Op.LOCK);

        CompoundRes4 b = bob.session(Ops.putFh(fh),
                Ops.lockNew(bobOpen, bob.clientId(), "bob-lo", Lock4Args.WRITE_LT, 50, 10));
        assertThat(b.status).isEqualTo(NfsStat.NFS4ERR_DENIED);
        LockDenied4 denied = body(b, Op.LOCK);
        assertThat(denied.offset).isZero();
        assertThat(denied.length).isEqualTo(100);
        assertThat(new String(denied.owner.owner)).isEqualTo("alice-lo");

        CompoundRes4 t = bob.session(Ops.putFh(fh), Ops.lockt(bob.clientId(), "bob-lo", Lock4Args.READ_LT, 99, 1));
        assertThat(t.status).isEqualTo(NfsStat.NFS4ERR_DENIED);
        expectOk(bob.session(Ops.putFh(fh), Ops.lockt(bob.clientId(), "bob-lo", Lock4Args.WRITE_LT, 100, 5)));

        expectOk(alice.session(Ops.putFh(fh), Ops.locku(aliceLock, 0, 100)));
        expectOk(bob.session(Ops.putFh(fh),
                Ops.lockNew(bobOpen, bob.clientId(), "bob-lo", Lock4Args.WRITE_LT, 50, 10)));
    }

    @Test
    void readLocks_share() throws Exception {
        expectOk(alice.session(Ops.putFh(fh),
                Ops.lockNew(aliceOpen, alice.clientId(), "a", Lock4Args.READ_LT, 0, -1)));
        expectOk(bob.session(Ops.putFh(fh), Ops.lockNew(bobOpen, bob.clientId(), "b", Lock4Args.READ_LT, 10, 10)));
    }

    @Test
    void closeWithLocksHeld_isLocksHeld_andFreeStateidAfterUnlockWorks() throws Exception {
        CompoundRes4 a = expectOk(alice.session(Ops.putFh(fh),
                Ops.lockNew(aliceOpen, alice.clientId(), "a", Lock4Args.WRITE_LT, 0, 10)));
        Stateid4 lock = body(a, Op.LOCK);
        assertThat(alice.session(Ops.putFh(fh), Ops.close(aliceOpen)).status).isEqualTo(NfsStat.NFS4ERR_LOCKS_HELD);
        assertThat(alice.session(Ops.freeStateid(lock)).status).isEqualTo(NfsStat.NFS4ERR_LOCKS_HELD);
        CompoundRes4 u = expectOk(alice.session(Ops.putFh(fh), Ops.locku(lock, 0, 10)));
        Stateid4 unlocked = body(u, Op.LOCKU);
        assertThat(unlocked.seqid).isGreaterThan(lock.seqid);
        expectOk(alice.session(Ops.freeStateid(unlocked)));
        TestStateid4Res ts = body(expectOk(alice.session(Ops.testStateid(unlocked, aliceOpen))), Op.TEST_STATEID);
        assertThat(ts.statuses).containsExactly(NfsStat.NFS4ERR_BAD_STATEID, NfsStat.NFS4_OK);
        expectOk(alice.session(Ops.putFh(fh), Ops.close(aliceOpen)));
    }

    @Test
    void shareDenyWrite_blocksWritersButNotReaders_andCannotBeTakenAgainstAWriter() throws Exception {
        Nfs41TestClient carol = Nfs41TestClient.connect(server.address(), "carol").mount();
        try {
            CompoundRes4 denied = carol.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(carol.clientId(), "c", "shared", 1, 2, -1, null, null));
            assertThat(denied.status).as("alice and bob have it open for write").isEqualTo(NfsStat.NFS4ERR_SHARE_DENIED);
            expectOk(bob.session(Ops.putFh(fh), Ops.close(bobOpen)));
            expectOk(alice.session(Ops.putFh(fh), Ops.close(aliceOpen)));
            open(carol, "c", 1, 2);
            CompoundRes4 writer = bob.session(Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(bob.clientId(), "b", "shared", 2, 0, -1, null, null));
            assertThat(writer.status).isEqualTo(NfsStat.NFS4ERR_SHARE_DENIED);
            open(bob, "b", 1, 0);
        } finally {
            carol.close();
        }
    }

    @Test
    void lockStateidOfOtherClient_isBadStateid() throws Exception {
        CompoundRes4 a = expectOk(alice.session(Ops.putFh(fh),
                Ops.lockNew(aliceOpen, alice.clientId(), "a", Lock4Args.WRITE_LT, 0, 10)));
        Stateid4 lock = body(a, Op.LOCK);
        assertThat(bob.session(Ops.putFh(fh), Ops.locku(lock, 0, 10)).status).isEqualTo(NfsStat.NFS4ERR_BAD_STATEID);
    }

    @Test
    void oldSeqidOfLockStateid_isOldStateid() throws Exception {
        CompoundRes4 a = expectOk(alice.session(Ops.putFh(fh),
                Ops.lockNew(aliceOpen, alice.clientId(), "a", Lock4Args.WRITE_LT, 0, 10)));
        Stateid4 first = body(a, Op.LOCK);
        expectOk(alice.session(Ops.putFh(fh), Ops.lockExisting(first, Lock4Args.WRITE_LT, 20, 10)));
        assertThat(alice.session(Ops.putFh(fh), Ops.locku(first, 0, 10)).status)
                .isEqualTo(NfsStat.NFS4ERR_OLD_STATEID);
    }

    @Test
    void zeroLengthLock_isInval() throws Exception {
        assertThat(alice.session(Ops.putFh(fh),
                Ops.lockNew(aliceOpen, alice.clientId(), "a", Lock4Args.WRITE_LT, 0, 0)).status)
                .isEqualTo(NfsStat.NFS4ERR_INVAL);
    }
}
