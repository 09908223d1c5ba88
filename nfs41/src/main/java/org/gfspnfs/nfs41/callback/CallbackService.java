package org.gfspnfs.nfs41.callback;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeNone;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcReply;
import org.dcache.oncrpc4j.rpc.RpcTransport;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.session.CallbackCredential;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.session.Session;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CbCompoundArgs4;
import org.gfspnfs.nfs41.xdr.CbCompoundRes4;
import org.gfspnfs.nfs41.xdr.CbOp;
import org.gfspnfs.nfs41.xdr.CbSequence4Args;
import org.gfspnfs.nfs41.xdr.ResOp4;

/**
 * Sends CB_COMPOUNDs over a client's backchannel (RFC 8881 section 2.10.3.1 and chapter 20). The backchannel is
 * the client's own fore connection, bound at CREATE_SESSION (CONN_BACK_CHAN) or BIND_CONN_TO_SESSION: oncrpc4j
 * lets the server originate an {@link RpcCall} on an accepted transport and routes the reply back by xid. Each
 * session's backchannel has one slot; calls on a session are chained so they never overlap, and every call
 * begins with CB_SEQUENCE carrying the slot's next sequence id.
 */
public final class CallbackService {
    private final Duration timeout;
    private final Map<String, BackSlot> slots = new ConcurrentHashMap<>();

    public CallbackService(Duration timeout) {
        this.timeout = timeout;
    }

    private static final class BackSlot {
        int sequence;
        CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    }

    /** Sends {@code ops} (after a CB_SEQUENCE) to the client over any session with a live backchannel. */
    public CompletableFuture<CbCompoundRes4> send(NfsClient client, List<ArgOp4> ops) {
        for (Session s : client.sessions()) {
            if (s.backConnection() != null) {
                return send(s, ops);
            }
        }
        return CompletableFuture.failedFuture(new BackchannelDownException("no backchannel for " + client));
    }

    /** Sends on one session; completes exceptionally with CallbackFailedException if the client says no. */
    public CompletableFuture<CbCompoundRes4> send(Session session, List<ArgOp4> ops) {
        BackSlot slot = slots.computeIfAbsent(session.key(), k -> new BackSlot());
        synchronized (slot) {
            CompletableFuture<CbCompoundRes4> result = slot.tail.handle((x, e) -> null)
                    .thenCompose(x -> call(session, slot, ops));
            slot.tail = result;
            return result;
        }
    }

    /** Forgets the slot of a destroyed session. */
    public void sessionGone(Session session) {
        slots.remove(session.key());
    }

    private CompletableFuture<CbCompoundRes4> call(Session session, BackSlot slot, List<ArgOp4> ops) {
        RpcTransport transport = session.backConnection();
        if (transport == null) {
            return CompletableFuture.failedFuture(new BackchannelDownException("backchannel closed"));
        }
        if (ops.size() + 1 > session.back().maxOperations()) {
            return CompletableFuture.failedFuture(new BackchannelDownException("client accepts only "
                    + session.back().maxOperations() + " operations per callback"));
        }
        int seq;
        synchronized (slot) {
            seq = ++slot.sequence;
        }
        CbCompoundArgs4 args = new CbCompoundArgs4();
        List<ArgOp4> all = new ArrayList<>();
        all.add(new ArgOp4(CbOp.CB_SEQUENCE,
                new CbSequence4Args(session.id(), seq, 0, 0, false, new ArrayList<>())));
        all.addAll(ops);
        args.ops = all;
        CompletableFuture<CbCompoundRes4> f = new CompletableFuture<>();
        try {
            RpcCall call = new RpcCall(session.cbProgram(), CbOp.VERSION, auth(session.cbCredential()), transport);
            call.call(CbOp.CB_COMPOUND_PROC, args, new ReplyHandler(f), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    private static RpcAuth auth(CallbackCredential c) {
        if (c.flavor() == 1) {
            return new RpcAuthTypeUnix(c.uid(), c.gid(), c.gids(), 0, c.machine());
        }
        return new RpcAuthTypeNone();
    }

    private static final class ReplyHandler implements java.nio.channels.CompletionHandler<RpcReply, RpcTransport> {
        private final CompletableFuture<CbCompoundRes4> future;

        ReplyHandler(CompletableFuture<CbCompoundRes4> future) {
            this.future = future;
        }

        @Override
        public void completed(RpcReply reply, RpcTransport t) {
            try {
                if (!reply.isAccepted() || reply.getAcceptStatus() != 0) {
                    future.completeExceptionally(new IOException("callback rejected: " + reply));
                    return;
                }
                CbCompoundRes4 res = new CbCompoundRes4();
                reply.getReplyResult(res);
                if (res.status != NfsStat.NFS4_OK) {
                    int failed = res.results.isEmpty() ? -1 : res.results.get(res.results.size() - 1).opnum;
                    future.completeExceptionally(new CallbackFailedException(res.status,
                            "callback op " + failed + ": " + NfsStat.name(res.status)));
                    return;
                }
                future.complete(res);
            } catch (IOException | RuntimeException e) {
                future.completeExceptionally(e);
            }
        }

        @Override
        public void failed(Throwable exc, RpcTransport t) {
            future.completeExceptionally(exc);
        }
    }

    /** Helper for callers: the first result with the given callback opnum, or null. */
    public static ResOp4 result(CbCompoundRes4 res, int opnum) {
        for (ResOp4 r : res.results) {
            if (r.opnum == opnum) {
                return r;
            }
        }
        return null;
    }

    /** Convenience for a single callback operation. */
    public CompletableFuture<CbCompoundRes4> send(NfsClient client, int opnum, XdrAble args) {
        return send(client, List.of(new ArgOp4(opnum, args)));
    }
}
