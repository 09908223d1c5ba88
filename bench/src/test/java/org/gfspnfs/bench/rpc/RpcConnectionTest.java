package org.gfspnfs.bench.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator's RPC client against a scripted server on loopback: what it puts on the wire, how it matches
 * and decodes replies, and how it fails.
 */
class RpcConnectionTest {
    private static final int PROG = 100003;
    private static final int VERS = 4;
    private static final AuthSys CRED = new AuthSys(1000, 100, new int[] {100, 10}, "tester");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private ServerSocketChannel listener;

    @BeforeEach
    void listen() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
    }

    private RpcConnection connect(int maxRecord) throws IOException {
        return RpcConnection.open((InetSocketAddress) listener.getLocalAddress(), Duration.ofSeconds(5), maxRecord,
                "test");
    }

    @Test
    void largeCall_arrivesWhole_andLargeReply_isAViewOfItsBuffer_untilReleased() throws Exception {
        byte[] payload = random(1 << 20, 1);
        byte[] answer = random(1 << 20, 2);
        try (RpcConnection c = connect(2 << 20); Peer peer = accept()) {
            ByteBuffer direct = ByteBuffer.allocateDirect(payload.length).put(payload).flip();
            CompletableFuture<Read4Res> f = c.call(PROG, VERS, 1, CRED, new Blob(direct), new Read4Res(), WAIT);

            Call call = peer.readCall();
            assertThat(call.fragments()).as("one record fragment").isEqualTo(1);
            assertThat(call.prog()).isEqualTo(PROG);
            assertThat(call.vers()).isEqualTo(VERS);
            assertThat(call.proc()).isEqualTo(1);
            assertThat(call.machine()).isEqualTo("tester");
            assertThat(call.uid()).isEqualTo(1000);
            assertThat(call.gid()).isEqualTo(100);
            assertThat(opaque(call.args())).isEqualTo(payload);
            assertThat(call.args().remaining()).as("nothing after the opaque and its padding").isZero();

            // eof, then the data; sent as three fragments
            ByteBuffer result = ByteBuffer.allocate(8 + answer.length).putInt(1).putInt(answer.length).put(answer);
            peer.reply(call.xid(), result.flip(), 3);

            Read4Res r = f.get(20, TimeUnit.SECONDS);
            assertThat(r.eof).isTrue();
            assertThat(r.bytes().isDirect()).as("a view of the record buffer, not a copy").isTrue();
            assertThat(bytes(r.bytes())).isEqualTo(answer);
            r.release();
        }
    }

    @Test
    void releasedRecordBuffers_areReused() throws Exception {
        byte[] answer = random(256 << 10, 3);
        try (RpcConnection c = connect(1 << 20); Peer peer = accept()) {
            for (int i = 0; i < 50; i++) {
                CompletableFuture<Read4Res> f = c.call(PROG, VERS, 1, CRED, new Blob(ByteBuffer.allocate(4)),
                        new Read4Res(), WAIT);
                Call call = peer.readCall();
                peer.reply(call.xid(), ByteBuffer.allocate(8 + answer.length).putInt(0).putInt(answer.length)
                        .put(answer).flip(), 1);
                Read4Res r = f.get(20, TimeUnit.SECONDS);
                assertThat(bytes(r.bytes())).isEqualTo(answer);
                r.release();
                r.release();   // a second release is harmless
            }
            assertThat(c.recordBuffersAllocated()).as("50 large replies, each released").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void repliesOutOfOrder_reachTheirOwnCalls() throws Exception {
        try (RpcConnection c = connect(1 << 20); Peer peer = accept()) {
            List<CompletableFuture<Blob>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(c.call(PROG, VERS, 1, CRED, new Blob(text("call " + i)), new Blob(), WAIT));
            }
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(peer.readCall());
            }
            for (int i = 2; i >= 0; i--) {
                byte[] echo = opaque(calls.get(i).args());
                peer.reply(calls.get(i).xid(), encoded(echo), 1);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(new String(futures.get(i).get(20, TimeUnit.SECONDS).data, StandardCharsets.UTF_8))
                        .isEqualTo("call " + i);
            }
        }
    }

    @Test
    void oversizedRecord_endsTheConnection_andFailsEveryCall() throws Exception {
        try (RpcConnection c = connect(64 << 10); Peer peer = accept()) {
            CompletableFuture<Blob> f = c.call(PROG, VERS, 1, CRED, new Blob(text("x")), new Blob(), WAIT);
            peer.readCall();
            peer.raw(ByteBuffer.allocate(4).putInt(0x80000000 | (1 << 30)).flip());   // announces 1 GiB
            assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("reply record of more than " + (64 << 10) + " bytes from "
                            + listener.getLocalAddress() + " (fragment of " + (1 << 30) + ")");
            assertThatThrownBy(() -> c.call(PROG, VERS, 1, CRED, new Blob(text("y")), new Blob(), WAIT))
                    .isInstanceOf(IOException.class).hasMessageContaining("is closed");
        }
    }

    @Test
    void serverClosing_failsTheCallsWaitingForIt() throws Exception {
        try (RpcConnection c = connect(1 << 20); Peer peer = accept()) {
            CompletableFuture<Blob> f = c.call(PROG, VERS, 1, CRED, new Blob(text("x")), new Blob(), WAIT);
            peer.readCall();
            peer.close();
            assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
                    .hasMessageContaining("lost");
        }
    }

    @Test
    void refusedAndDeniedCalls_sayWhy() throws Exception {
        try (RpcConnection c = connect(1 << 20); Peer peer = accept()) {
            CompletableFuture<Blob> refused = c.call(PROG, VERS, 9, CRED, new Blob(text("x")), new Blob(), WAIT);
            Call call = peer.readCall();
            // accepted, AUTH_NONE verifier, PROC_UNAVAIL
            peer.raw(record(ByteBuffer.allocate(24).putInt(call.xid()).putInt(1).putInt(0).putInt(0).putInt(0)
                    .putInt(3).flip()));
            assertThatThrownBy(() -> refused.get(20, TimeUnit.SECONDS)).hasMessageContaining("PROC_UNAVAIL");

            CompletableFuture<Blob> denied = c.call(PROG, VERS, 1, CRED, new Blob(text("x")), new Blob(), WAIT);
            call = peer.readCall();
            // denied, AUTH_ERROR, AUTH_TOOWEAK (5)
            peer.raw(record(ByteBuffer.allocate(20).putInt(call.xid()).putInt(1).putInt(1).putInt(1).putInt(5)
                    .flip()));
            assertThatThrownBy(() -> denied.get(20, TimeUnit.SECONDS)).hasMessageContaining("denied")
                    .hasMessageContaining("authentication error 5");
        }
    }

    @Test
    void truncatedReply_failsItsCall_andTheConnectionGoesOn() throws Exception {
        try (RpcConnection c = connect(1 << 20); Peer peer = accept()) {
            CompletableFuture<Blob> bad = c.call(PROG, VERS, 1, CRED, new Blob(text("x")), new Blob(), WAIT);
            Call call = peer.readCall();
            // an opaque announcing 100 bytes, carrying 8
            peer.reply(call.xid(), ByteBuffer.allocate(12).putInt(100).putLong(7).flip(), 1);
            assertThatThrownBy(() -> bad.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(MalformedReplyException.class)
                    .hasMessageContaining("beyond the 8 bytes left");

            CompletableFuture<Blob> good = c.call(PROG, VERS, 1, CRED, new Blob(text("y")), new Blob(), WAIT);
            call = peer.readCall();
            peer.reply(call.xid(), encoded(text("fine").array()), 1);
            assertThat(new String(good.get(20, TimeUnit.SECONDS).data, StandardCharsets.UTF_8)).isEqualTo("fine");
        }
    }

    @Test
    void noReply_timesOut() throws Exception {
        try (RpcConnection c = connect(1 << 20); Peer peer = accept()) {
            CompletableFuture<Blob> f = c.call(PROG, VERS, 1, CRED, new Blob(text("x")), new Blob(),
                    Duration.ofMillis(200));
            peer.readCall();
            assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        }
    }

    // ---- the scripted server

    private Peer accept() throws IOException {
        return new Peer(listener.accept());
    }

    private record Call(int xid, int fragments, int prog, int vers, int proc, int uid, int gid, String machine,
                        ByteBuffer args) {
    }

    private static final class Peer implements AutoCloseable {
        private final SocketChannel ch;

        Peer(SocketChannel ch) {
            this.ch = ch;
        }

        Call readCall() throws IOException {
            ByteBuffer body = ByteBuffer.allocate(0);
            int fragments = 0;
            boolean last = false;
            while (!last) {
                int mark = readFully(4).getInt();
                last = mark < 0;
                ByteBuffer frag = readFully(mark & 0x7fffffff);
                body = ByteBuffer.allocate(body.remaining() + frag.remaining()).put(body).put(frag).flip();
                fragments++;
            }
            int xid = body.getInt();
            assertThat(body.getInt()).as("CALL").isZero();
            assertThat(body.getInt()).as("RPC version").isEqualTo(2);
            int prog = body.getInt();
            int vers = body.getInt();
            int proc = body.getInt();
            assertThat(body.getInt()).as("AUTH_SYS").isEqualTo(1);
            ByteBuffer cred = ByteBuffer.wrap(opaque(body));
            cred.getInt();   // stamp
            String machine = new String(opaque(cred), StandardCharsets.UTF_8);
            int uid = cred.getInt();
            int gid = cred.getInt();
            assertThat(body.getInt()).as("verifier AUTH_NONE").isZero();
            assertThat(body.getInt()).as("empty verifier").isZero();
            return new Call(xid, fragments, prog, vers, proc, uid, gid, machine, body.slice());
        }

        /** An accepted, successful reply carrying {@code result}, cut into {@code fragments} fragments. */
        void reply(int xid, ByteBuffer result, int fragments) throws IOException {
            ByteBuffer msg = ByteBuffer.allocate(24 + result.remaining()).putInt(xid).putInt(1).putInt(0).putInt(0)
                    .putInt(0).putInt(0).put(result).flip();
            int each = (msg.remaining() + fragments - 1) / fragments;
            for (int i = 0; i < fragments; i++) {
                int len = Math.min(each, msg.remaining());
                ByteBuffer frag = ByteBuffer.allocate(4 + len).putInt((i == fragments - 1 ? 0x80000000 : 0) | len);
                frag.put(msg.slice().limit(len)).flip();
                msg.position(msg.position() + len);
                raw(frag);
            }
        }

        void raw(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
        }

        private ByteBuffer readFully(int n) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(n);
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) {
                    throw new EOFException();
                }
            }
            return b.flip();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    private static ByteBuffer record(ByteBuffer msg) {
        return ByteBuffer.allocate(4 + msg.remaining()).putInt(0x80000000 | msg.remaining()).put(msg).flip();
    }

    /** An XDR variable-length opaque from {@code b}, padding skipped. */
    private static byte[] opaque(ByteBuffer b) {
        byte[] out = new byte[b.getInt()];
        b.get(out);
        b.position(b.position() + ((4 - (out.length & 3)) & 3));
        return out;
    }

    private static ByteBuffer encoded(byte[] data) {
        int padded = (data.length + 3) & ~3;
        return ByteBuffer.allocate(4 + padded).putInt(data.length).put(data).position(4 + padded).flip();
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** An XDR opaque as arguments (sent from a buffer) or as a result (decoded into {@link #data}). */
    private static final class Blob implements XdrAble {
        private final ByteBuffer out;
        byte[] data;

        Blob() {
            this.out = null;
        }

        Blob(ByteBuffer out) {
            this.out = out;
        }

        @Override
        public void xdrEncode(XdrEncodingStream xdr) {
            xdr.xdrEncodeByteBuffer(out.duplicate());
        }

        @Override
        public void xdrDecode(XdrDecodingStream xdr) throws IOException {
            data = xdr.xdrDecodeDynamicOpaque();
        }
    }
}
