package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.gfspnfs.bench.rpc.AuthSys;
import org.gfspnfs.bench.rpc.RpcConnection;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.BindConnToSession4Args;
import org.gfspnfs.nfs41.xdr.BindConnToSession4Res;
import org.gfspnfs.nfs41.xdr.ChannelAttrs4;
import org.gfspnfs.nfs41.xdr.CompoundArgs4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.CreateSession4Res;
import org.gfspnfs.nfs41.xdr.ExchangeId4Res;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.ResOp4;

/**
 * One NFSv4.1 client session (RFC 8881 section 2.10): EXCHANGE_ID, CREATE_SESSION and RECLAIM_COMPLETE on
 * {@link #connect}, then COMPOUNDs that start with SEQUENCE on a slot of the session's {@link SlotPool}, sent
 * asynchronously so that up to "slots" requests are in flight at once (pipelining is what lets a single TCP stream
 * reach the server's throughput). {@link #close} sends DESTROY_SESSION and DESTROY_CLIENTID. AUTH_SYS uid 0, no
 * backchannel, no delegations wanted.
 *
 * <p>With {@code connections > 1} (the Linux client's {@code nconnect}) the session has that many TCP connections,
 * each after the first bound to its fore channel with BIND_CONN_TO_SESSION (section 18.34). Each thread that sends
 * keeps to one connection, handed out in turn: one stream of I/O stays on one connection, eight streams spread over
 * eight, and the slots stay one table for the session.
 *
 * <p>{@link #send} may block while every slot is in use, so it must not be called from a reply callback.
 */
public final class NfsSession implements AutoCloseable {
    /** ONC RPC program and version of NFSv4 (RFC 8881 section 16). */
    public static final int NFS_PROGRAM = 100003;
    public static final int NFS_VERSION = 4;
    private static final int PROC_COMPOUND = 1;
    /** EXCHGID4_FLAG_USE_PNFS_MDS / USE_PNFS_DS (RFC 8881 section 18.35). */
    public static final int FLAG_USE_PNFS_MDS = 0x00020000;
    public static final int FLAG_USE_PNFS_DS = 0x00040000;

    /**
     * @param owner      client owner id (unique per session so sessions of one run never share state)
     * @param slots      fore channel slots asked for (the server may grant fewer)
     * @param maxMessage largest request and reply asked for, bytes
     * @param timeout    how long a COMPOUND may take before the run fails
     * @param connections TCP connections of the session (1..16)
     */
    public record Options(String owner, int slots, int maxMessage, Duration timeout, int connections) {
        public Options {
            if (connections < 1 || connections > 16) {
                throw new IllegalArgumentException("connections must be 1..16, not " + connections);
            }
        }

        public static Options defaults(String owner) {
            return new Options(owner, 64, (1 << 20) + (64 << 10), Duration.ofSeconds(120), 1);
        }

        public Options withConnections(int n) {
            return new Options(owner, slots, maxMessage, timeout, n);
        }

        public Options withOwner(String o) {
            return new Options(o, slots, maxMessage, timeout, connections);
        }
    }

    /** CDFC4_FORE: bind a connection to the session's fore channel (RFC 8881 section 18.34). */
    private static final int CDFC4_FORE = 0x1;

    /** Reply records may exceed the session's maximum by the RPC header; anything beyond this ends the connection. */
    private static final int RECORD_SLACK = 64 << 10;

    private final InetSocketAddress server;
    /** The first carries session setup and teardown; every one carries COMPOUNDs. */
    private final List<RpcConnection> rpcs = new ArrayList<>();
    private final AtomicInteger nextConnection = new AtomicInteger();
    private final ThreadLocal<RpcConnection> threadConnection = ThreadLocal.withInitial(
            () -> rpcs.get(Math.floorMod(nextConnection.getAndIncrement(), rpcs.size())));
    private final AuthSys auth = new AuthSys(0, 0, new int[] {0}, "gfspnfs-loadgen");
    private final Options options;
    private long clientId;
    private int serverFlags;
    private byte[] sessionId;
    private ChannelAttrs4 fore;
    private SlotPool slots;

    private NfsSession(InetSocketAddress server, RpcConnection rpc, Options options) {
        this.server = server;
        this.rpcs.add(rpc);
        this.options = options;
    }

    /** Connects and sets up a session; throws NfsStatusException if the server refuses a step. */
    public static NfsSession connect(InetSocketAddress server, Options options) throws IOException {
        NfsSession s = new NfsSession(server, open(server, options), options);
        try {
            s.establish();
            for (int i = 1; i < options.connections(); i++) {
                s.bindConnection();
            }
            return s;
        } catch (IOException | RuntimeException e) {
            try {
                s.closeConnections();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static RpcConnection open(InetSocketAddress server, Options options) throws IOException {
        return RpcConnection.open(server, Duration.ofSeconds(10), options.maxMessage() + RECORD_SLACK,
                "loadgen-" + server.getPort());
    }

    /** One more connection, bound to the session's fore channel before anything else is sent on it. */
    private void bindConnection() throws IOException {
        RpcConnection rpc = open(server, options);
        rpcs.add(rpc);
        CompoundRes4 r = raw(rpc, List.of(new ArgOp4(Op.BIND_CONN_TO_SESSION,
                new BindConnToSession4Args(sessionId, CDFC4_FORE, false))));
        BindConnToSession4Res bound = (BindConnToSession4Res) r.results.get(0).body;
        if ((bound.dir & CDFC4_FORE) == 0) {
            throw new IOException(server + " bound connection " + rpcs.size() + " to direction " + bound.dir
                    + ", not the fore channel");
        }
    }

    private void establish() throws IOException {
        byte[] verifier = new byte[8];
        new SecureRandom().nextBytes(verifier);
        CompoundRes4 r = raw(rpcs.get(0), List.of(NfsOps.exchangeId(options.owner().getBytes(StandardCharsets.UTF_8), verifier)));
        ExchangeId4Res eid = (ExchangeId4Res) r.results.get(0).body;
        clientId = eid.clientId;
        serverFlags = eid.flags;
        int ask = options.maxMessage();
        r = raw(rpcs.get(0), List.of(NfsOps.createSession(clientId, eid.sequenceId,
                new ChannelAttrs4(0, ask, ask, 8192, 16, options.slots(), new int[0]))));
        CreateSession4Res cs = (CreateSession4Res) r.results.get(0).body;
        sessionId = cs.sessionId;
        fore = cs.foreAttrs;
        slots = new SlotPool(Math.max(1, Math.min(options.slots(), fore.maxRequests)));
        if ((serverFlags & (FLAG_USE_PNFS_DS | FLAG_USE_PNFS_MDS)) != FLAG_USE_PNFS_DS) {
            // RFC 8881 section 18.51: a client with no state to reclaim says so once, ending its grace period.
            try {
                call(NfsOps.reclaimComplete());
            } catch (NfsStatusException e) {
                if (e.status() != NfsStat.NFS4ERR_COMPLETE_ALREADY) {
                    throw e;
                }
            }
        }
    }

    public InetSocketAddress server() {
        return server;
    }

    /** The EXCHANGE_ID flags the server returned (its pNFS role). */
    public int serverFlags() {
        return serverFlags;
    }

    public long clientId() {
        return clientId;
    }

    /** Slots granted (requests that can be in flight at once). */
    public int slots() {
        return slots.size();
    }

    public int maxRequestSize() {
        return fore.maxRequestSize;
    }

    public int maxResponseSize() {
        return fore.maxResponseSize;
    }

    /** SEQUENCE + {@code ops}, sent when a slot is free (blocks until then); the future fails on any error. */
    public CompletableFuture<CompoundRes4> send(ArgOp4... ops) throws IOException {
        SlotPool.Slot slot;
        try {
            slot = slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for a session slot", e);
        }
        List<ArgOp4> all = new ArrayList<>(ops.length + 1);
        all.add(NfsOps.sequence(sessionId, slot.sequenceId(), slot.id(), slots.size() - 1));
        all.addAll(List.of(ops));
        CompletableFuture<CompoundRes4> reply;
        try {
            reply = rawAsync(threadConnection.get(), all);
        } catch (IOException | RuntimeException e) {
            slots.release(slot, false);
            throw e;
        }
        return reply.handle((res, failure) -> {
            if (failure != null) {
                slots.release(slot, false);
                throw new CompletionException(failure);
            }
            boolean sequenced = res.status == NfsStat.NFS4_OK || res.results.size() > 1
                    || (!res.results.isEmpty() && res.results.get(0).status == NfsStat.NFS4_OK);
            slots.release(slot, sequenced);
            if (res.status != NfsStat.NFS4_OK) {
                throw new CompletionException(failure(res, ops));
            }
            return res;
        });
    }

    /** {@link #send} and wait for the reply. */
    public CompoundRes4 call(ArgOp4... ops) throws IOException {
        return await(send(ops));
    }

    /** Waits for a reply future, unwrapping its failure. */
    public static <T> T await(CompletableFuture<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c);
        }
    }

    /** Sends one COMPOUND on {@code rpc}. */
    private CompletableFuture<CompoundRes4> rawAsync(RpcConnection rpc, List<ArgOp4> ops) throws IOException {
        CompoundArgs4 args = new CompoundArgs4();
        args.minorVersion = 1;
        args.tag = new byte[0];
        args.ops = ops;
        CompletableFuture<CompoundRes4> reply = rpc.call(NFS_PROGRAM, NFS_VERSION, PROC_COMPOUND, auth, args,
                new CompoundRes4(), options.timeout());
        return reply.exceptionallyCompose(e -> CompletableFuture.failedFuture(e instanceof TimeoutException
                ? new IOException("no reply from " + server + " within " + options.timeout().toSeconds() + " s", e)
                : e));
    }

    /** A COMPOUND without SEQUENCE (session setup and teardown), checked. */
    private CompoundRes4 raw(RpcConnection rpc, List<ArgOp4> ops) throws IOException {
        CompoundRes4 res = await(rawAsync(rpc, ops));
        if (res.status != NfsStat.NFS4_OK) {
            throw failure(res, ops.toArray(new ArgOp4[0]));
        }
        return res;
    }

    private static NfsStatusException failure(CompoundRes4 res, ArgOp4[] sent) {
        ResOp4 last = res.results.isEmpty() ? null : res.results.get(res.results.size() - 1);
        int opnum = last == null ? (sent.length > 0 ? sent[0].opnum : Op.ILLEGAL) : last.opnum;
        return new NfsStatusException(res.status, opnum, "");
    }

    /** DESTROY_SESSION and DESTROY_CLIENTID (RFC 8881 sections 18.37, 18.50), then the connection is closed. */
    @Override
    public void close() throws IOException {
        try {
            raw(rpcs.get(0), List.of(NfsOps.destroySession(sessionId)));
            raw(rpcs.get(0), List.of(NfsOps.destroyClientId(clientId)));
        } finally {
            closeConnections();
        }
    }

    private void closeConnections() throws IOException {
        IOException first = null;
        for (RpcConnection rpc : rpcs) {
            try {
                rpc.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
