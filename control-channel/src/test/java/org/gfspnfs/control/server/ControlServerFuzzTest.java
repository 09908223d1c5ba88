package org.gfspnfs.control.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.RecallTarget;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.api.WrittenReport;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeEndpoint;
import org.gfspnfs.control.testkit.FakeCluster;
import org.gfspnfs.control.testkit.FakeNode;
import org.gfspnfs.control.testkit.FakeWritePath;
import org.gfspnfs.control.testkit.RawRpc;
import org.gfspnfs.control.xdr.ArgsXdr;
import org.gfspnfs.control.xdr.ControlProgram;
import org.gfspnfs.control.xdr.ProcedureSpec;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * 100k+ random and mutated calls against a live server over TCP: signed calls with random arguments (they reach the
 * XDR decoders), valid calls with flipped bytes, overwritten length fields, truncation and extension, pure noise, and
 * now and then a lying record mark. Afterwards a well-formed call still works, and connections and threads are back
 * where they started.
 */
class ControlServerFuzzTest {
    private static final int CALLS = 100_000;
    private static final int SENDERS = 2;
    private static final int[] NASTY_INTS = {0, 1, -1, 3, 4, 0x7fffffff, 0x80000000, 0x7ffffff0, 401, 65_536,
            0x00ffffff};

    private final ClusterKey key = ClusterKey.of(new SecureRandom().generateSeed(32));
    private final Clock clock = Clock.systemUTC();

    @Test
    void randomAndMutatedCalls_serverKeepsServing_andLeaksNothing() throws Exception {
        FakeCluster cluster = new FakeCluster(clock, List.of("node1", "node2", "node3")).lockspace("fs1");
        FakeNode node = new FakeNode(cluster, "node1", true);
        try (ControlServer server = ControlServer.builder().key(key).nodeName("fuzz").idleTimeout(Duration.ofSeconds(2))
                .address(new InetSocketAddress("127.0.0.1", 0)).providers(node.providers()).build().start()) {
            List<String> baselineThreads = threadNames().stream()
                    .filter(n -> !n.startsWith("gfsctl-fuzz-worker-")).toList();
            AtomicLong sent = new AtomicLong();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                long seed = 0x5eed0000L + i;
                Thread t = new Thread(() -> fuzz(server, new Random(seed), sent),
                        "fuzz-sender-" + i);
                t.setUncaughtExceptionHandler((thread, e) -> failures.add(e));
                t.start();
                senders.add(t);
            }
            for (Thread t : senders) {
                t.join();
            }

            assertThat(failures).isEmpty();
            assertThat(server.counters().records()).as("%s", server.counters()).isGreaterThanOrEqualTo(CALLS);
            try (ControlClient client = new ControlClient(new NodeEndpoint("node1", server.address()), key, "check",
                    Duration.ofSeconds(10), clock)) {
                client.ping();
                assertThat(client.status().nodeName()).isEqualTo("node1");
            }
            ServerCounters c = server.counters();
            LoggerFactory.getLogger("fuzz").info("fuzz done: {}", c);
            assertThat(c.refusedCalls()).as("refused, %s", c).isGreaterThan(1000);
            assertThat(c.garbageCalls()).as("garbage, %s", c).isGreaterThan(1000);
            assertThat(c.servedCalls()).as("served, %s", c).isGreaterThan(1000);
            assertThat(c.guardDeniedCalls()).as("guard denied, %s", c).isGreaterThan(100);
            assertThat(c.closedConnections()).as("closed, %s", c).isGreaterThan(100);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(
                    () -> assertThat(server.openConnections()).as("open connections").isZero());
            // The server's worker pool fills lazily up to its fixed size; every other thread must be gone again.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(threadNames())
                    .as("threads").filteredOn(n -> !n.startsWith("gfsctl-fuzz-worker-"))
                    .containsExactlyInAnyOrderElementsOf(baselineThreads));
            assertThat(threadNames()).filteredOn(n -> n.startsWith("gfsctl-fuzz-worker-")).hasSizeLessThanOrEqualTo(4);
        }
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> !n.startsWith("awaitility")).sorted().toList();
    }

    /** One sender: a connection (re-opened whenever the server closes it) and a thread draining the replies. */
    private void fuzz(ControlServer target, Random rnd, AtomicLong sent) {
        InetSocketAddress server = target.address();
        Connection conn = null;
        try {
            // Until the server has received CALLS records: calls written after the server closed a connection are
            // lost in transit and do not count.
            for (int i = 0; target.counters().records() < CALLS; i++) {
                if (i > 10 * CALLS) {
                    throw new AssertionError("server stopped receiving: " + target.counters());
                }
                if (rnd.nextInt(5000) == 0) {
                    lyingRecordMark(server, rnd);
                }
                byte[] record = nextCase(rnd, i);
                for (int attempt = 0; ; attempt++) {
                    try {
                        if (conn == null) {
                            conn = new Connection(server);
                        }
                        conn.rpc.sendMarked(0x80000000 | record.length, record);
                        conn.rpc.flush();
                        conn.discardReplies();
                        break;
                    } catch (IOException e) {
                        // the server closed the connection after a header it could not trust: reconnect
                        conn.close();
                        conn = null;
                        if (attempt > 100) {
                            throw new AssertionError("cannot reach the server any more", e);
                        }
                    }
                }
                sent.incrementAndGet();
            }
            if (conn != null) {
                conn.rpc.flush();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            if (conn != null) {
                conn.close();
            }
        }
    }

    private byte[] nextCase(Random rnd, int i) {
        int kind = rnd.nextInt(100);
        if (kind < 5) {
            return validCall(rnd, i);
        } else if (kind < 50) {
            return signedRandomArguments(rnd, i);
        } else if (kind < 90) {
            return mutate(validCall(rnd, i), rnd);
        } else {
            byte[] noise = new byte[rnd.nextInt(257)];
            rnd.nextBytes(noise);
            return noise;
        }
    }

    /** A correctly signed call whose arguments are random: the XDR decoders see hostile input. */
    private byte[] signedRandomArguments(Random rnd, int xid) {
        byte[] args = new byte[4 * rnd.nextInt(40)];
        rnd.nextBytes(args);
        if (args.length >= 4 && rnd.nextBoolean()) {
            ByteBuffer.wrap(args).putInt(NASTY_INTS[rnd.nextInt(NASTY_INTS.length)]);
        }
        int proc = rnd.nextInt(10) == 0 ? rnd.nextInt(64) : specs().get(rnd.nextInt(specs().size())).number();
        return RawRpc.signedCall(key, clock, xid, proc, args);
    }

    private byte[] validCall(Random rnd, int xid) {
        ProcedureSpec<?, ?> spec = specs().get(rnd.nextInt(specs().size()));
        return RawRpc.signedCall(key, clock, xid, spec.number(), validArgs(spec));
    }

    private static byte[] mutate(byte[] call, Random rnd) {
        byte[] out = call;
        for (int m = 1 + rnd.nextInt(4); m > 0; m--) {
            switch (rnd.nextInt(5)) {
                case 0 -> out[rnd.nextInt(out.length)] = (byte) rnd.nextInt(256);
                case 1 -> {
                    if (out.length >= 4) {
                        ByteBuffer.wrap(out).putInt(4 * rnd.nextInt(out.length / 4),
                                NASTY_INTS[rnd.nextInt(NASTY_INTS.length)]);
                    }
                }
                case 2 -> out = Arrays.copyOf(out, rnd.nextInt(out.length + 1));
                case 3 -> {
                    byte[] longer = Arrays.copyOf(out, out.length + 4 * (1 + rnd.nextInt(16)));
                    for (int i = out.length; i < longer.length; i++) {
                        longer[i] = (byte) rnd.nextInt(256);
                    }
                    out = longer;
                }
                default -> out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            if (out.length == 0) {
                return out;
            }
        }
        return out;
    }

    /** A record mark that lies (longer than what follows, or over the limit), then the peer goes away. */
    private static void lyingRecordMark(InetSocketAddress server, Random rnd) throws IOException {
        try (RawRpc rpc = new RawRpc(server)) {
            int mark = rnd.nextBoolean() ? 0x80000000 | (ControlServer.MAX_RECORD + 1) : 0x80000000 | 1000;
            rpc.sendMarked(mark, new byte[100]);
            rpc.flush();
        }
    }

    private static List<ProcedureSpec<?, ?>> specs() {
        return List.copyOf(ControlProgram.ALL.values());
    }

    private static byte[] validArgs(ProcedureSpec<?, ?> spec) {
        Object arg = switch (spec.name()) {
            case "LOCKS", "WAITERS", "FENCE_ACK", "LOCKSPACE_LEAVE", "LOCKSPACE_JOIN" -> "fs1";
            case "LAYOUTS" -> LayoutFilter.file("ino:1001");
            case "RECALL_LAYOUTS" -> RecallTarget.client(FakeNode.CLIENT_ID);
            case "EVICT_CLIENT" -> 42L;
            case "VALIDATE_STATEID" -> new StateidQuery(FakeNode.OPEN_STATEID, FakeNode.FILE_HANDLE,
                    StateAccess.WRITE);
            case "REVOKE_STATE" -> Revocation.stateids(List.of(FakeNode.OPEN_STATEID));
            case "ALLOCATE_UNWRITTEN" -> new AllocationRequest(FakeWritePath.FILE, 1 << 20, 4096);
            case "REPORT_WRITTEN" -> List.of(new WrittenReport(FakeWritePath.FILE,
                    List.of(new FileRange(0, 4096), new FileRange(8192, 16384))));
            case "WRITTEN_WITHIN" -> new WrittenQuery(FakeWritePath.FILE, 0, 1 << 20);
            default -> null;
        };
        return encode(spec, arg);
    }

    @SuppressWarnings("unchecked")
    private static <A> byte[] encode(ProcedureSpec<A, ?> spec, Object arg) {
        try (Xdr xdr = new Xdr(256)) {
            xdr.beginEncoding();
            ArgsXdr.of(spec.args(), (A) arg).xdrEncode(xdr);
            xdr.endEncoding();
            return xdr.getBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fuzzing connection: the raw socket; replies are read and discarded as they arrive. */
    private static final class Connection {
        final RawRpc rpc;
        final InputStream in;
        final byte[] sink = new byte[64 * 1024];

        Connection(InetSocketAddress server) throws IOException {
            rpc = new RawRpc(server);
            in = rpc.input();
        }

        void discardReplies() throws IOException {
            for (int n = in.available(); n > 0; n = in.available()) {
                if (in.read(sink, 0, Math.min(n, sink.length)) < 0) {
                    return;
                }
            }
        }

        void close() {
            try {
                rpc.close();
            } catch (IOException e) {
                // already closed by the server
            }
        }
    }
}
