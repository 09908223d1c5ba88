package org.gfspnfs.bench.rpc;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.transport.Slab;
import org.gfspnfs.nfs41.transport.SlabPool;

/**
 * The load generator's ONC RPC client (RFC 5531 over TCP with record marking): calls are pipelined on one
 * connection and answered by xid, so many can be in flight. It is built for moving data, like a kernel client and
 * unlike a general-purpose RPC library: a call is written with one gathering write straight from the caller's
 * buffers ({@link CallEncoder}); a reply is read into a direct buffer and decoded there on the reader thread, and a
 * large READ's data stays in that buffer (a {@link Slab}) as a view until the workload has checked it. So a
 * byte costs the client one kernel copy each way, and the load generator measures the server rather than itself.
 *
 * <p>Results are decoded, and futures completed, on the connection's reader thread: a callback must not wait for
 * another reply of the same connection.
 */
public final class RpcConnection implements AutoCloseable {
    private static final int CALL = 0;
    private static final int REPLY = 1;
    private static final int RPC_VERSION = 2;
    private static final int MSG_ACCEPTED = 0;
    private static final int MSG_DENIED = 1;
    private static final int SUCCESS = 0;
    private static final int PROG_MISMATCH = 2;
    private static final int RPC_MISMATCH = 0;
    private static final String[] ACCEPT_STATS = {"SUCCESS", "PROG_UNAVAIL", "PROG_MISMATCH", "PROC_UNAVAIL",
        "GARBAGE_ARGS", "SYSTEM_ERR"};
    /** Records up to this size are decoded in the shared read buffer; larger ones get a slab of their own. */
    private static final int SHARED_READ_BUFFER = 256 << 10;
    /** Large record buffers kept for reuse per connection. */
    private static final int KEPT_RECORD_BUFFERS = 64;

    private final SocketChannel channel;
    private final String peer;
    private final int maxRecord;
    /**
     * Slabs of {@code maxRecord} bytes for large replies: a READ's data stays in its slab until the workload has
     * checked it, so a connection with N reads in flight uses about N + 1.
     */
    private final SlabPool largeRecords;
    private final Map<Integer, Pending<?>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextXid = new AtomicInteger(new SecureRandom().nextInt());
    private final Object sendLock = new Object();
    private final CallEncoder encoder = new CallEncoder();
    private final Thread reader;
    private volatile IOException failure;

    private record Pending<T extends XdrAble>(T result, CompletableFuture<T> future) {
    }

    private RpcConnection(SocketChannel channel, String peer, int maxRecord, String name) {
        this.channel = channel;
        this.peer = peer;
        this.maxRecord = maxRecord;
        this.largeRecords = new SlabPool(maxRecord, maxRecord, 1, KEPT_RECORD_BUFFERS);
        this.reader = new Thread(this::readLoop, name + "-reader");
        reader.setDaemon(true);
    }

    /**
     * Connects to {@code server}; replies above {@code maxRecord} bytes end the connection. The reader thread is
     * named after {@code name}.
     */
    public static RpcConnection open(InetSocketAddress server, Duration connectTimeout, int maxRecord, String name)
            throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.socket().connect(server, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException("cannot connect to " + server + ": " + e.getMessage(), e);
        }
        RpcConnection c = new RpcConnection(ch, server.toString(), maxRecord, name);
        c.reader.start();
        return c;
    }

    /**
     * Calls {@code procedure} of {@code program}/{@code version}; the future completes with {@code result} decoded
     * from the reply, or fails with an IOException saying why (RPC-level refusal, malformed reply, connection lost,
     * or no reply within {@code timeout}: then {@link java.util.concurrent.TimeoutException}).
     */
    public <T extends XdrAble> CompletableFuture<T> call(int program, int version, int procedure, AuthSys cred,
                                                         XdrAble args, T result, Duration timeout) throws IOException {
        int xid = nextXid.getAndIncrement();
        CompletableFuture<T> future = new CompletableFuture<>();
        pending.put(xid, new Pending<>(result, future));
        try {
            synchronized (sendLock) {
                IOException dead = failure;
                if (dead != null) {
                    throw new IOException("connection to " + peer + " is closed: " + dead.getMessage(), dead);
                }
                encoder.begin();
                encoder.xdrEncodeInt(xid);
                encoder.xdrEncodeInt(CALL);
                encoder.xdrEncodeInt(RPC_VERSION);
                encoder.xdrEncodeInt(program);
                encoder.xdrEncodeInt(version);
                encoder.xdrEncodeInt(procedure);
                encoder.xdrEncodeInt(AuthSys.FLAVOR);
                encoder.xdrEncodeDynamicOpaque(cred.body());
                encoder.xdrEncodeInt(0);   // verifier: AUTH_NONE
                encoder.xdrEncodeInt(0);
                args.xdrEncode(encoder);
                writeFully(encoder.finish());
            }
        } catch (IOException | RuntimeException e) {
            pending.remove(xid);
            if (e instanceof IOException io && failure == null) {
                fail(io);
            }
            throw e;
        }
        future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, t) -> {
            if (t != null) {
                pending.remove(xid);
            }
        });
        return future;
    }

    private void writeFully(ByteBuffer[] pieces) throws IOException {
        int last = pieces.length - 1;
        int first = 0;
        while (first <= last) {
            channel.write(pieces, first, last - first + 1);
            while (first <= last && !pieces[first].hasRemaining()) {
                first++;
            }
        }
    }

    /** Reads records until the connection ends; every record is one reply (no backchannel was asked for). */
    private void readLoop() {
        ByteBuffer in = ByteBuffer.allocateDirect(SHARED_READ_BUFFER).flip();
        try {
            while (true) {
                int mark = readInt(in);
                int len = mark & 0x7fffffff;
                if (mark < 0 && len <= in.capacity()) {
                    fill(in, len);
                    ByteBuffer record = in.slice().limit(len);
                    in.position(in.position() + len);
                    deliver(record, null);
                } else {
                    readLarge(in, mark);
                }
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new IOException(e.toString(), e));
        }
    }

    /** A record that does not fit the shared buffer, or comes in several fragments: into a buffer of its own. */
    private void readLarge(ByteBuffer in, int firstMark) throws IOException {
        Slab holder = largeRecords.take(maxRecord, true);
        try {
            ByteBuffer dst = holder.window(0, maxRecord);
            int mark = firstMark;
            long total = 0;
            while (true) {
                int len = mark & 0x7fffffff;
                total += len;
                if (total > maxRecord) {
                    throw new IOException("reply record of more than " + maxRecord + " bytes from " + peer
                            + " (fragment of " + len + ")");
                }
                int end = (int) total;
                dst.limit(end);
                int buffered = Math.min(in.remaining(), len);
                dst.put(in.duplicate().limit(in.position() + buffered));
                in.position(in.position() + buffered);
                while (dst.position() < end) {
                    if (channel.read(dst) < 0) {
                        throw new EOFException(peer + " closed the connection inside a reply");
                    }
                }
                if (mark < 0) {
                    break;
                }
                mark = readInt(in);
            }
            dst.flip();
            deliver(dst, holder);
        } finally {
            holder.release();
        }
    }

    private int readInt(ByteBuffer in) throws IOException {
        fill(in, 4);
        return in.getInt();
    }

    /** Makes {@code n} bytes (at most the buffer's capacity) readable in {@code in}. */
    private void fill(ByteBuffer in, int n) throws IOException {
        if (in.remaining() >= n) {
            return;
        }
        in.compact();
        while (in.position() < n) {
            if (channel.read(in) < 0) {
                throw new EOFException(peer + " closed the connection");
            }
        }
        in.flip();
    }

    private void deliver(ByteBuffer record, Slab holder) {
        ReplyDecoder d = new ReplyDecoder(record, holder);
        if (d.remaining() < 8) {
            return;   // not a message this client can answer or match; nothing waits for it
        }
        int xid = d.xdrDecodeInt();
        if (d.xdrDecodeInt() != REPLY) {
            return;   // a call from the server: this client offered no backchannel
        }
        Pending<?> p = pending.remove(xid);
        if (p != null) {
            complete(p, d);
        }
    }

    private <T extends XdrAble> void complete(Pending<T> p, ReplyDecoder d) {
        try {
            int replyStat = d.xdrDecodeInt();
            if (replyStat == MSG_ACCEPTED) {
                d.xdrDecodeInt();               // verifier flavor
                d.xdrDecodeDynamicOpaque();     // and body
                int accept = d.xdrDecodeInt();
                if (accept == SUCCESS) {
                    p.result().xdrDecode(d);
                    p.future().complete(p.result());
                } else if (accept == PROG_MISMATCH) {
                    throw new IOException("RPC program version not served by " + peer + " (it serves "
                            + d.xdrDecodeInt() + ".." + d.xdrDecodeInt() + ")");
                } else {
                    throw new IOException("RPC call refused by " + peer + ": "
                            + (accept > 0 && accept < ACCEPT_STATS.length ? ACCEPT_STATS[accept] : "accept_stat "
                            + accept));
                }
            } else if (replyStat == MSG_DENIED) {
                int reject = d.xdrDecodeInt();
                throw new IOException("RPC call denied by " + peer + ": " + (reject == RPC_MISMATCH
                        ? "RPC version mismatch" : "authentication error " + d.xdrDecodeInt()));
            } else {
                throw new IOException("reply_stat " + replyStat + " from " + peer);
            }
        } catch (IOException | RuntimeException e) {
            p.future().completeExceptionally(e);
        }
    }

    private void fail(IOException why) {
        synchronized (sendLock) {
            if (failure == null) {
                failure = why;
            }
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing after a failure: the failure is what callers hear about
        }
        for (Integer xid : pending.keySet()) {
            Pending<?> p = pending.remove(xid);
            if (p != null) {
                p.future().completeExceptionally(new IOException("connection to " + peer + " lost: "
                        + why.getMessage(), why));
            }
        }
    }

    /** Large-record buffers this connection has allocated (they are reused once released). */
    long recordBuffersAllocated() {
        return largeRecords.slabsMade();
    }

    /** Closes the connection; calls still waiting fail. */
    @Override
    public void close() throws IOException {
        fail(new IOException("closed by the client"));
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
