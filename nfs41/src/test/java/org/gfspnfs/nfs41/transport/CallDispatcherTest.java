package org.gfspnfs.nfs41.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where {@link CallDispatcher} runs calls: a brief call on the thread that read it while the server is otherwise
 * idle, every other call on a worker; seen from raw RPC calls to a transport serving two test programs.
 */
class CallDispatcherTest {
    private static final int PROGRAM = 400_123;
    private static final int PLAIN_PROGRAM = 400_124;
    private static final int BRIEF = 1;
    private static final int HELD = 2;
    private static final int FAILS = 3;
    private final Map<Integer, String> ranOn = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch held = new CountDownLatch(1);
    private final AtomicInteger xids = new AtomicInteger(1);
    private RpcServerTransport transport;

    @BeforeEach
    void start() throws IOException {
        PreparingProgram program = call -> {
            int xid = call.getXid();
            return switch (call.getProcedure()) {
                case BRIEF -> new PreparedCall(true, () -> answer(call, xid));
                case HELD -> new PreparedCall(false, () -> {
                    held.countDown();
                    awaitQuietly(release);
                    answer(call, xid);
                });
                default -> new PreparedCall(true, () -> {
                    throw new IllegalStateException("a program bug");
                });
            };
        };
        RpcDispatchable plain = call -> answer(call, call.getXid());
        transport = RpcServerTransport.start("127.0.0.1", 0, "cdt", 2, 2, 1 << 20, 4, 2 << 20,
                Map.of(new OncRpcProgram(PROGRAM, 1), program, new OncRpcProgram(PLAIN_PROGRAM, 1), plain));
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        transport.close();
    }

    @Test
    void aBriefCallOnAnIdleServer_runsWhereItWasRead_andAnyOtherOnAWorker() throws Exception {
        try (Peer peer = new Peer(transport.address())) {
            int brief = peer.call(PROGRAM, BRIEF);
            assertThat(peer.acceptStatus(brief)).isZero();
            assertThat(ranOn.get(brief)).startsWith("cdt").doesNotContain("-worker-");

            release.countDown();
            int notBrief = peer.call(PROGRAM, HELD);
            assertThat(peer.acceptStatus(notBrief)).isZero();
            assertThat(ranOn.get(notBrief)).contains("cdt-worker-");

            int plain = peer.call(PLAIN_PROGRAM, BRIEF);
            assertThat(peer.acceptStatus(plain)).isZero();
            assertThat(ranOn.get(plain)).as("a program that does not prepare its calls").contains("cdt-worker-");
        }
    }

    @Test
    void whileAnotherCallRuns_aBriefCallGoesToAWorker_andIsAnsweredFirst_thenRunsWhereReadOnceIdleAgain()
            throws Exception {
        try (Peer first = new Peer(transport.address()); Peer second = new Peer(transport.address())) {
            int heldXid = first.send(PROGRAM, HELD);
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            int brief = second.call(PROGRAM, BRIEF);
            assertThat(second.acceptStatus(brief)).isZero();
            assertThat(ranOn.get(brief)).as("the server was busy").contains("cdt-worker-");

            release.countDown();
            assertThat(first.acceptStatus(heldXid)).isZero();
            int again = second.call(PROGRAM, BRIEF);
            assertThat(second.acceptStatus(again)).isZero();
            assertThat(ranOn.get(again)).startsWith("cdt").doesNotContain("-worker-");
        }
    }

    @Test
    void aCallWhoseProgramFails_getsSystemErr_andTheServerStaysIdle() throws Exception {
        try (Peer peer = new Peer(transport.address())) {
            int failed = peer.call(PROGRAM, FAILS);
            assertThat(peer.acceptStatus(failed)).as("SYSTEM_ERR").isEqualTo(5);
            int unknown = peer.call(PROGRAM + 7, BRIEF);
            assertThat(peer.acceptStatus(unknown)).as("PROG_UNAVAIL").isEqualTo(1);

            int brief = peer.call(PROGRAM, BRIEF);
            assertThat(peer.acceptStatus(brief)).isZero();
            assertThat(ranOn.get(brief)).as("nothing counted as running after the failures")
                    .startsWith("cdt").doesNotContain("-worker-");
        }
        SlabPool memory = transport.slabs();
        await().atMost(Duration.ofSeconds(10)).until(() -> memory.slabsFree() == memory.slabsMade());
    }

    private void answer(RpcCall call, int xid) throws IOException {
        ranOn.put(xid, Thread.currentThread().getName());
        try {
            call.reply(XdrVoid.XDR_VOID);
        } finally {
            ((ReceivedXdr) call.getXdr()).release();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connection sending AUTH_NONE calls with no arguments, and reading replies in order. */
    private final class Peer implements AutoCloseable {
        private final Socket socket;
        private final DataOutputStream out;
        private final DataInputStream in;

        Peer(InetSocketAddress address) throws IOException {
            socket = new Socket(address.getAddress(), address.getPort());
            socket.setSoTimeout(20_000);
            out = new DataOutputStream(socket.getOutputStream());
            in = new DataInputStream(socket.getInputStream());
        }

        int call(int program, int procedure) throws IOException {
            return send(program, procedure);
        }

        int send(int program, int procedure) throws IOException {
            int xid = xids.getAndIncrement();
            ByteBuffer b = ByteBuffer.allocate(44).putInt(0x80000000 | 40).putInt(xid).putInt(0).putInt(2)
                    .putInt(program).putInt(1).putInt(procedure).putInt(0).putInt(0).putInt(0).putInt(0);
            out.write(b.array());
            out.flush();
            return xid;
        }

        /** Reads the next reply, which must answer {@code xid} and be accepted; returns its accept status. */
        int acceptStatus(int xid) throws IOException {
            int mark = in.readInt();
            byte[] body = new byte[mark & 0x7fffffff];
            in.readFully(body);
            ByteBuffer r = ByteBuffer.wrap(body);
            assertThat(r.getInt()).as("xid").isEqualTo(xid);
            assertThat(r.getInt()).as("REPLY").isEqualTo(1);
            assertThat(r.getInt()).as("MSG_ACCEPTED").isZero();
            r.getInt(); // verifier flavor
            int verifierLength = r.getInt();
            r.position(r.position() + verifierLength);
            return r.getInt();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
