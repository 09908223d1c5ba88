package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.gfspnfs.nfs41.compound.CompoundExecutor;
import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.compound.RpcOrigin;
import org.gfspnfs.nfs41.compound.ServerServices;
import org.gfspnfs.nfs41.fixture.ManualClock;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.ops.StandardOperations;
import org.gfspnfs.nfs41.session.Session;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CompoundArgs4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.Lock4Args;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.ResOp4;
import org.gfspnfs.nfs41.xdr.Sequence4Args;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.Test;

/**
 * Decoder and executor fuzzing: random and mutated COMPOUNDs must never fault the server (no SERVERFAULT, no
 * exception out of the executor), every reply must encode, and once the clients' leases run out nothing is
 * left: no client, session, busy slot or state.
 */
class CompoundFuzzTest {
    private static final int ITERATIONS = 100_000;
    private static final int[] INTERESTING = {0, 1, 2, 3, -1, 0x7fffffff, 0x80000000, 0xffff, 16, 128, 1024,
        Op.SEQUENCE, Op.OPEN, Op.LOCK, Op.WRITE, Op.READDIR, 10044, 60};

    @Test
    void hundredThousandRandomAndMutatedCompounds_neverFaultAndLeaveNothingBehind() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        EngineConfig cfg = EngineConfig.defaults().withLease(Duration.ofSeconds(30));
        try (TestServer server = TestServer.start(clock, TestServer.DEFAULT_EXPORTS, cfg, null, null);
             Nfs41TestClient client = Nfs41TestClient.connect(server.address(), "fuzz").mount()) {
            ServerServices services = server.server().services();
            CompoundExecutor executor = new CompoundExecutor(services, StandardOperations.core().build());
            RpcOrigin origin = new RpcOrigin(RpcOrigin.AUTH_SYS, 0, 0, new int[] {0},
                    new InetSocketAddress("127.0.0.1", 900), null);
            List<byte[]> seeds = seeds(client);
            Random rnd = new Random(20261121L);
            int[] slotSeq = new int[8];
            int faults = 0;
            int decoded = 0;
            List<String> faultSamples = new ArrayList<>();
            for (int i = 0; i < ITERATIONS; i++) {
                byte[] input = i % 10 == 0 ? random(rnd) : mutate(rnd, seeds.get(rnd.nextInt(seeds.size())));
                CompoundArgs4 args = new CompoundArgs4();
                try (Xdr xdr = new Xdr(input)) {
                    xdr.beginDecoding();
                    args.xdrDecode(xdr);
                } catch (IOException | RuntimeException garbage) {
                    continue;
                }
                decoded++;
                if (rnd.nextInt(10) < 7) {
                    repairSequence(args, client.sessionId(), slotSeq, rnd);
                }
                CompoundRes4 res = executor.execute(args, origin);
                XdrBytes.encode(res);
                for (ResOp4 r : res.results) {
                    if (r.status == NfsStat.NFS4ERR_SERVERFAULT) {
                        faults++;
                        if (faultSamples.size() < 5) {
                            faultSamples.add("op " + r.opnum + " in " + Arrays.toString(input));
                        }
                    }
                }
            }
            assertThat(decoded).isGreaterThan(ITERATIONS / 4);
            assertThat(faults).as("SERVERFAULTs: %s", faultSamples).isZero();
            for (Session s : services.sessions().all()) {
                assertThat(s.slots().busySlots()).isZero();
            }
            tcpGarbage(server, client, rnd, seeds);
            try (Nfs41TestClient after = Nfs41TestClient.connect(server.address(), "after-fuzz").mount()) {
                expectOk(after.session(Ops.putRootFh(), Ops.getattr(1)));
            }

            clock.advance(cfg.lease().multipliedBy(2));
            server.server().reapExpiredLeases();
            assertThat(services.clients().clients()).isEmpty();
            assertThat(services.sessions().size()).isZero();
            assertThat(services.states().totalStates()).isZero();
        }
    }

    /** Over the wire too: mutated RPC bodies; the server must keep serving the connection. */
    private static void tcpGarbage(TestServer server, Nfs41TestClient client, Random rnd, List<byte[]> seeds) {
        for (int i = 0; i < 1000; i++) {
            byte[] body = i % 2 == 0 ? random(rnd) : mutate(rnd, seeds.get(rnd.nextInt(seeds.size())));
            try {
                RpcCall call = new RpcCall(100003, 4, new RpcAuthTypeUnix(0, 0, new int[0], 0, "fuzz"),
                        client.transport());
                call.call(1, new Raw(body), new CompoundRes4(), 10, TimeUnit.SECONDS);
            } catch (Exception expected) {
                // GARBAGE_ARGS or an undecodable reply: what matters is that the server carries on.
            }
        }
    }

    private static void repairSequence(CompoundArgs4 args, byte[] session, int[] slotSeq, Random rnd) {
        if (args.ops.isEmpty() || args.ops.get(0).opnum != Op.SEQUENCE) {
            return;
        }
        Sequence4Args s = (Sequence4Args) args.ops.get(0).args;
        int slot = 1 + rnd.nextInt(slotSeq.length - 1);
        s.sessionId = session;
        s.slotId = slot;
        s.sequenceId = ++slotSeq[slot];
    }

    private static List<byte[]> seeds(Nfs41TestClient c) {
        long id = c.clientId();
        byte[] sid = c.sessionId();
        Stateid4 anon = Ops.anonymous();
        Stateid4 fake = new Stateid4(1, new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1});
        List<ArgOp4[]> compounds = List.of(
                new ArgOp4[] {Ops.sequence(sid, 1, 1, true), Ops.putRootFh(), Ops.lookup("export"), Ops.getFh(),
                    Ops.getattr(0, 1, 3, 4, 8, 20, 33, 36, 37, 47, 52, 53, 55)},
                new ArgOp4[] {Ops.sequence(sid, 1, 1, false), Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(id, "fz", "file", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null),
                    Ops.write(anon, 0, 1, new byte[] {1, 2, 3}), Ops.read(anon, 0, 10), Ops.close(fake)},
                new ArgOp4[] {Ops.sequence(sid, 1, 1, false), Ops.putRootFh(), Ops.lookup("export"),
                    Ops.mkdir("dir", AttrValues.mode(0755)), Ops.symlink("ln", "dir", AttrValues.mode(0777)),
                    Ops.readdir(0, new byte[8], 4096, 1, 20), Ops.rename("dir", "dir2"), Ops.remove("dir2")},
                new ArgOp4[] {Ops.sequence(sid, 1, 1, false), Ops.putRootFh(), Ops.lookup("export"),
                    Ops.open(id, "fz", "lk", 3, 0, Open4Args.GUARDED4, AttrValues.mode(0644), null),
                    Ops.lockNew(fake, id, "lo", Lock4Args.WRITE_LT, 0, 10), Ops.lockt(id, "x", 1, 0, -1),
                    Ops.locku(fake, 0, 10), Ops.testStateid(fake, anon), Ops.freeStateid(fake)},
                new ArgOp4[] {Ops.sequence(sid, 1, 1, false), Ops.putRootFh(), Ops.secinfoNoName(), Ops.putRootFh(),
                    Ops.saveFh(), Ops.lookup("export"), Ops.restoreFh(), Ops.access(0x3f), Ops.lookupp(),
                    Ops.setattr(anon, AttrValues.size(0)), Ops.commit(0, 0)},
                new ArgOp4[] {Ops.exchangeId(new byte[] {9, 9}, new byte[8])},
                new ArgOp4[] {Ops.createSession(id, 2, 0x40000000)},
                new ArgOp4[] {Ops.destroySession(sid)});
        List<byte[]> out = new ArrayList<>();
        for (ArgOp4[] ops : compounds) {
            CompoundArgs4 a = new CompoundArgs4();
            a.minorVersion = 1;
            a.ops = new ArrayList<>(List.of(ops));
            out.add(XdrBytes.encode(a));
        }
        return out;
    }

    private static byte[] random(Random rnd) {
        byte[] b = new byte[rnd.nextInt(200)];
        rnd.nextBytes(b);
        if (b.length >= 12 && rnd.nextBoolean()) {
            // Often keep a plausible header so that decoding reaches the operations.
            b[4] = b[5] = b[6] = 0;
            b[7] = 1;
            b[0] = b[1] = b[2] = b[3] = 0;
            b[8] = b[9] = b[10] = 0;
            b[11] = (byte) rnd.nextInt(8);
        }
        return b;
    }

    private static byte[] mutate(Random rnd, byte[] seed) {
        byte[] b = seed.clone();
        int kind = rnd.nextInt(5);
        switch (kind) {
            case 0 -> {
                for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> {
                int at = rnd.nextInt(b.length / 4) * 4;
                int v = INTERESTING[rnd.nextInt(INTERESTING.length)];
                b[at] = (byte) (v >>> 24);
                b[at + 1] = (byte) (v >>> 16);
                b[at + 2] = (byte) (v >>> 8);
                b[at + 3] = (byte) v;
            }
            case 2 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
            case 3 -> {
                int from = rnd.nextInt(b.length);
                int len = rnd.nextInt(b.length - from);
                byte[] spliced = new byte[b.length + len];
                System.arraycopy(b, 0, spliced, 0, from + len);
                System.arraycopy(b, from, spliced, from + len, b.length - from);
                b = spliced;
            }
            default -> {
                int at = rnd.nextInt(b.length);
                for (int i = at; i < Math.min(b.length, at + 8); i++) {
                    b[i] = (byte) rnd.nextInt();
                }
            }
        }
        return b;
    }

    /** Arbitrary bytes as an RPC body. */
    private record Raw(byte[] bytes) implements XdrAble {
        @Override
        public void xdrEncode(XdrEncodingStream xdr) {
            xdr.xdrEncodeOpaque(bytes, bytes.length);
        }

        @Override
        public void xdrDecode(XdrDecodingStream xdr) {
            throw new UnsupportedOperationException();
        }
    }
}
