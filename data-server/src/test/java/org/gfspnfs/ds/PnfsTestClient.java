package org.gfspnfs.ds;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.dcache.oncrpc4j.rpc.OncRpcClient;
import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.rpc.RpcTransport;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.AuthSysParms4;
import org.gfspnfs.nfs41.xdr.Bool4;
import org.gfspnfs.nfs41.xdr.CallbackSecParms4;
import org.gfspnfs.nfs41.xdr.ChannelAttrs4;
import org.gfspnfs.nfs41.xdr.ClientOwner4;
import org.gfspnfs.nfs41.xdr.Close4Args;
import org.gfspnfs.nfs41.xdr.Commit4Args;
import org.gfspnfs.nfs41.xdr.Component4;
import org.gfspnfs.nfs41.xdr.CompoundArgs4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.CreateSession4Args;
import org.gfspnfs.nfs41.xdr.CreateSession4Res;
import org.gfspnfs.nfs41.xdr.ExchangeId4Args;
import org.gfspnfs.nfs41.xdr.ExchangeId4Res;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.Read4Args;
import org.gfspnfs.nfs41.xdr.ResOp4;
import org.gfspnfs.nfs41.xdr.Sequence4Args;
import org.gfspnfs.nfs41.xdr.StateOwner4;
import org.gfspnfs.nfs41.xdr.StateProtect4A;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.Write4Args;

/**
 * The minimal NFSv4.1 client the pNFS tests need (nfs41 publishes no test-jar, so its Nfs41TestClient cannot be
 * reused): EXCHANGE_ID + CREATE_SESSION, SEQUENCE'd compounds, and builders for the operations the tests send.
 * Without {@code callbacks} there is no backchannel: callbacks to such a client fail, which is how a client that
 * never returns a recalled layout looks.
 */
final class PnfsTestClient implements AutoCloseable {
    static final int CB_PROGRAM = 0x40000001;
    private static final int CONN_BACK_CHAN = 0x2;

    private final OncRpcClient rpc;
    private final RpcTransport transport;
    private final RpcAuth auth = new RpcAuthTypeUnix(0, 0, new int[] {0}, 0, "pnfs-test");
    private final byte[] owner;
    private final AtomicInteger slotSeq = new AtomicInteger();
    private long clientId;
    private int exchangeFlags;
    private byte[] sessionId;
    private boolean backchannel;

    private PnfsTestClient(OncRpcClient rpc, RpcTransport transport, String owner) {
        this.rpc = rpc;
        this.transport = transport;
        this.owner = owner.getBytes(StandardCharsets.UTF_8);
    }

    /** Connects, EXCHANGE_ID, CREATE_SESSION, RECLAIM_COMPLETE. */
    static PnfsTestClient mount(InetSocketAddress server, String owner) throws IOException {
        return mount(server, owner, null);
    }

    /** As {@link #mount(InetSocketAddress, String)}, serving the backchannel with {@code callbacks} if given. */
    static PnfsTestClient mount(InetSocketAddress server, String owner, RpcDispatchable callbacks)
            throws IOException {
        OncRpcClient.OncRpcClientBuilder b = OncRpcClient.newBuilder().withTCP().withWorkerThreadPoolSize(2);
        if (callbacks != null) {
            b.withRpcService(new OncRpcProgram(CB_PROGRAM, 1), callbacks);
        }
        OncRpcClient rpc = b.build(server);
        PnfsTestClient c = new PnfsTestClient(rpc, rpc.connect(10, TimeUnit.SECONDS), owner);
        c.backchannel = callbacks != null;
        c.exchangeId();
        c.createSession();
        ok(c.session(new ArgOp4(Op.RECLAIM_COMPLETE, new Bool4(false))));
        return c;
    }

    long clientId() {
        return clientId;
    }

    int exchangeFlags() {
        return exchangeFlags;
    }

    private void exchangeId() throws IOException {
        ExchangeId4Args a = new ExchangeId4Args(new ClientOwner4(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, owner), 0,
                new StateProtect4A(StateProtect4A.SP4_NONE), new ArrayList<>());
        ExchangeId4Res r = body(ok(compound(new ArgOp4(Op.EXCHANGE_ID, a))), Op.EXCHANGE_ID);
        clientId = r.clientId;
        exchangeFlags = r.flags;
        ChannelAttrs4 fore = new ChannelAttrs4(0, 2 << 20, 2 << 20, 8192, 16, 8, new int[0]);
        ChannelAttrs4 back = new ChannelAttrs4(0, 4096, 4096, 0, 4, 1, new int[0]);
        AuthSysParms4 sys = new AuthSysParms4(0, "pnfs-test", 0, 0, new int[0]);
        pendingSession = new CreateSession4Args(clientId, r.sequenceId, backchannel ? CONN_BACK_CHAN : 0, fore,
                back, CB_PROGRAM,
                List.of(new CallbackSecParms4(CallbackSecParms4.AUTH_SYS, sys)));
    }

    private CreateSession4Args pendingSession;

    private void createSession() throws IOException {
        CreateSession4Res r = body(ok(compound(new ArgOp4(Op.CREATE_SESSION, pendingSession))),
                Op.CREATE_SESSION);
        sessionId = r.sessionId;
    }

    /** SEQUENCE (slot 0, next sequence id) followed by {@code ops}. */
    CompoundRes4 session(ArgOp4... ops) throws IOException {
        ArgOp4[] all = new ArgOp4[ops.length + 1];
        all[0] = new ArgOp4(Op.SEQUENCE, new Sequence4Args(sessionId, slotSeq.incrementAndGet(), 0, 0, false));
        System.arraycopy(ops, 0, all, 1, ops.length);
        return compound(all);
    }

    CompoundRes4 compound(ArgOp4... ops) throws IOException {
        CompoundArgs4 args = new CompoundArgs4();
        args.minorVersion = 1;
        args.tag = "pnfs-test".getBytes(StandardCharsets.UTF_8);
        args.ops = new ArrayList<>(List.of(ops));
        CompoundRes4 res = new CompoundRes4();
        try {
            new RpcCall(100003, 4, auth, transport).call(1, args, res, 30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("COMPOUND timed out", e);
        }
        return res;
    }

    static CompoundRes4 ok(CompoundRes4 r) {
        if (r.status != NfsStat.NFS4_OK) {
            ResOp4 last = r.results.isEmpty() ? null : r.results.get(r.results.size() - 1);
            throw new AssertionError("COMPOUND failed: " + NfsStat.name(r.status)
                    + (last == null ? "" : " at op " + last.opnum));
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    static <T extends XdrAble> T body(CompoundRes4 r, int opnum) {
        for (ResOp4 op : r.results) {
            if (op.opnum == opnum) {
                return (T) op.body;
            }
        }
        throw new AssertionError("no result for op " + opnum);
    }

    // ---- operations -------------------------------------------------------------------------------------------

    static ArgOp4 putRootFh() {
        return new ArgOp4(Op.PUTROOTFH, new XdrVoid());
    }

    static ArgOp4 putFh(byte[] fh) {
        return new ArgOp4(Op.PUTFH, new NfsFh4(fh));
    }

    static ArgOp4 getFh() {
        return new ArgOp4(Op.GETFH, new XdrVoid());
    }

    static ArgOp4 lookup(String name) {
        return new ArgOp4(Op.LOOKUP, new Component4(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** OPEN with create (UNCHECKED4), share access BOTH. */
    ArgOp4 openCreate(String name) {
        Open4Args a = new Open4Args();
        a.shareAccess = 3;
        a.shareDeny = 0;
        a.owner = new StateOwner4(clientId, "owner".getBytes(StandardCharsets.UTF_8));
        a.openType = Open4Args.OPEN4_CREATE;
        a.createMode = Open4Args.UNCHECKED4;
        a.createAttrs = new Fattr4(new int[0], new byte[0]);
        a.claimType = Open4Args.CLAIM_NULL;
        a.claimName = name.getBytes(StandardCharsets.UTF_8);
        return new ArgOp4(Op.OPEN, a);
    }

    static ArgOp4 read(Stateid4 sid, long offset, int count) {
        return new ArgOp4(Op.READ, new Read4Args(sid, offset, count));
    }

    static ArgOp4 write(Stateid4 sid, long offset, byte[] data) {
        return new ArgOp4(Op.WRITE, new Write4Args(sid, offset, 0, data));
    }

    static ArgOp4 remove(String name) {
        return new ArgOp4(Op.REMOVE, new Component4(name.getBytes(StandardCharsets.UTF_8)));
    }

    static ArgOp4 close(Stateid4 sid) {
        return new ArgOp4(Op.CLOSE, new Close4Args(0, sid));
    }

    static ArgOp4 commit() {
        return new ArgOp4(Op.COMMIT, new Commit4Args(0, 0));
    }

    @Override
    public void close() throws IOException {
        rpc.close();
    }
}
