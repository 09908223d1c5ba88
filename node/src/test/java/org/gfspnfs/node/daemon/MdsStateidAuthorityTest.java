package org.gfspnfs.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gfspnfs.control.api.NodeFaultException;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.mds.layout.DataServerStateCheck;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.fixture.ManualClock;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.vfs.Inode;
import org.junit.jupiter.api.Test;

/**
 * The MDS's verdict leases: a data server in another process may cache a VALID verdict, and the MDS takes it back
 * (REVOKE_STATE) as soon as the state behind it ends, but only then.
 */
class MdsStateidAuthorityTest {
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final long CLIENT = 0x51L;
    private static final Inode FILE = new Inode(42, 1);
    private static final Inode OTHER_FILE = new Inode(43, 1);

    /** A mutable stand-in for the MDS's state tables: which (stateid number, file) pairs are valid, for whom. */
    private final Map<String, DataServerStateCheck.Result> valid = new HashMap<>();
    private final List<Revocation> sent = new ArrayList<>();
    private final List<Runnable> queued = new ArrayList<>();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T03:00:00Z"));
    private final AtomicInteger rechecksQueued = new AtomicInteger();

    private MdsStateidAuthority authority(int capacity) {
        MdsStateidAuthority a = new MdsStateidAuthority(clock, LEASE, capacity, r -> {
            sent.add(r);
            return 1;
        }, r -> {
            rechecksQueued.incrementAndGet();
            queued.add(r);
        });
        a.attach((fh, sid, write) -> {
            Inode file;
            try {
                file = FileHandle.fromBytes(fh).inode();
            } catch (Exception e) {
                return new DataServerStateCheck.Verdict(DataServerStateCheck.Result.BAD_STATEID, 0);
            }
            DataServerStateCheck.Result r = valid.getOrDefault(sid.number() + "@" + file.number(),
                    DataServerStateCheck.Result.BAD_STATEID);
            return new DataServerStateCheck.Verdict(r, r == DataServerStateCheck.Result.VALID ? CLIENT : 0);
        });
        return a;
    }

    @Test
    void validVerdict_isLeased_refusalsAreNot() {
        MdsStateidAuthority a = authority(16);
        valid.put("7@42", DataServerStateCheck.Result.VALID);

        StateidVerdict ok = a.validate(query(7, FILE, StateAccess.WRITE));
        assertThat(ok.verdict()).isEqualTo(StateidVerdict.Verdict.VALID);
        assertThat(ok.cacheFor()).isEqualTo(LEASE);
        assertThat(a.leases()).isEqualTo(1);

        StateidVerdict bad = a.validate(query(8, FILE, StateAccess.WRITE));
        assertThat(bad.verdict()).isEqualTo(StateidVerdict.Verdict.BAD_STATEID);
        assertThat(bad.cacheFor()).isZero();
        assertThat(a.leases()).isEqualTo(1);
    }

    @Test
    void stateThatEnds_revokesItsLease_stateThatStaysValid_doesNot() {
        MdsStateidAuthority a = authority(16);
        valid.put("7@42", DataServerStateCheck.Result.VALID);
        valid.put("9@42", DataServerStateCheck.Result.VALID);
        a.validate(query(7, FILE, StateAccess.WRITE));
        a.validate(query(9, FILE, StateAccess.READ));

        valid.remove("7@42"); // say, CLOSE of stateid 7
        a.shrunk(CLIENT, FILE);
        assertThat(sent).as("the re-check runs on its own thread, not under the caller's lock").isEmpty();
        runQueued();

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).scope()).isEqualTo(Revocation.Scope.STATEIDS);
        assertThat(sent.get(0).stateids()).singleElement().satisfies(s -> assertThat(s).isEqualTo(stateid(7)));
        assertThat(a.leases()).as("stateid 9 is still valid: its lease stays").isEqualTo(1);
        assertThat(a.revokedLeases()).isEqualTo(1);

        a.shrunk(CLIENT, OTHER_FILE);
        runQueued();
        assertThat(sent).as("a change to another file concerns no lease").hasSize(1);
    }

    @Test
    void changesWithoutAnyLease_costNoRecheck() {
        MdsStateidAuthority a = authority(16);
        for (int i = 0; i < 1000; i++) {
            a.shrunk(CLIENT, new Inode(i, 1));
        }
        assertThat(rechecksQueued).hasValue(0);
        assertThat(sent).isEmpty();
    }

    @Test
    void manyChangesBeforeTheRecheckRuns_queueOneRecheck() {
        MdsStateidAuthority a = authority(16);
        valid.put("7@42", DataServerStateCheck.Result.VALID);
        a.validate(query(7, FILE, StateAccess.WRITE));
        for (int i = 0; i < 100; i++) {
            a.shrunk(CLIENT, FILE);
        }
        assertThat(rechecksQueued).hasValue(1);
        valid.remove("7@42");
        runQueued();
        assertThat(sent).hasSize(1);
    }

    @Test
    void recallTimeout_andClientGone_revokeAtOnce() {
        MdsStateidAuthority a = authority(16);
        valid.put("7@42", DataServerStateCheck.Result.VALID);
        valid.put("8@43", DataServerStateCheck.Result.VALID);
        a.validate(query(7, FILE, StateAccess.WRITE));
        a.validate(query(8, OTHER_FILE, StateAccess.WRITE));

        a.revoked(CLIENT, FILE, handle(FILE));
        assertThat(sent).as("sent before revoked() returned").hasSize(1);
        assertThat(sent.get(0).stateids()).singleElement().satisfies(s -> assertThat(s).isEqualTo(stateid(7)));

        a.clientGone(CLIENT);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).stateids()).singleElement().satisfies(s -> assertThat(s).isEqualTo(stateid(8)));
        assertThat(a.leases()).isZero();

        a.clientGone(CLIENT);
        assertThat(sent).as("nothing left to revoke: no message").hasSize(2);
    }

    @Test
    void expiredLeases_areNotRevoked_andAFullTableGrantsNoMore() {
        MdsStateidAuthority a = authority(2);
        valid.put("1@42", DataServerStateCheck.Result.VALID);
        valid.put("2@42", DataServerStateCheck.Result.VALID);
        valid.put("3@42", DataServerStateCheck.Result.VALID);
        assertThat(a.validate(query(1, FILE, StateAccess.READ)).cacheFor()).isEqualTo(LEASE);
        assertThat(a.validate(query(2, FILE, StateAccess.READ)).cacheFor()).isEqualTo(LEASE);
        StateidVerdict third = a.validate(query(3, FILE, StateAccess.READ));
        assertThat(third.valid()).isTrue();
        assertThat(third.cacheFor()).as("no room for a third lease: answered, but not cacheable").isZero();

        clock.advance(LEASE.plusSeconds(5));
        assertThat(a.validate(query(3, FILE, StateAccess.READ)).cacheFor()).as("expired leases made room")
                .isEqualTo(LEASE);
        valid.clear();
        a.clientGone(CLIENT);
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.stateids()).singleElement()
                .satisfies(s -> assertThat(s).isEqualTo(stateid(3))));
    }

    @Test
    void aDataServerThatCannotBeTold_doesNotStopTheRevocation() {
        MdsStateidAuthority a = new MdsStateidAuthority(clock, LEASE, 16, r -> {
            throw new NodeFaultException("REVOKE_STATE not confirmed by n2: timed out");
        }, Runnable::run);
        a.attach((fh, sid, write) -> new DataServerStateCheck.Verdict(DataServerStateCheck.Result.VALID, CLIENT));
        a.validate(query(7, FILE, StateAccess.WRITE));
        a.clientGone(CLIENT);
        assertThat(a.leases()).isZero();
        assertThat(a.revokedLeases()).isEqualTo(1);
    }

    @Test
    void inProcessDataServers_getVerdictsThatAreNeverCached() throws Exception {
        MdsStateidAuthority a = authority(16);
        valid.put("7@42", DataServerStateCheck.Result.VALID);
        StateidVerdict v = a.inProcess().validate(query(7, FILE, StateAccess.WRITE));
        assertThat(v.valid()).isTrue();
        assertThat(v.cacheFor()).isZero();
        assertThat(a.leases()).isZero();
    }

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    private static byte[] stateid(long number) {
        StateId sid = new StateId(3, number, 1);
        return ByteBuffer.allocate(16).putInt(sid.seqid()).put(sid.other()).array();
    }

    private static byte[] handle(Inode file) {
        return new FileHandle(1, 1, file).toBytes();
    }

    private static StateidQuery query(long number, Inode file, StateAccess access) {
        return new StateidQuery(stateid(number), handle(file), access);
    }
}
