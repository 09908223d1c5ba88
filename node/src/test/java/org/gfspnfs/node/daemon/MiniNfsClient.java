package org.gfspnfs.node.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.dcache.oncrpc4j.rpc.OncRpcClient;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcTransport;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.attr.Bitmaps;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.AuthSysParms4;
import org.gfspnfs.nfs41.xdr.Bitmap4;
import org.gfspnfs.nfs41.xdr.Bool4;
import org.gfspnfs.nfs41.xdr.CallbackSecParms4;
import org.gfspnfs.nfs41.xdr.ChannelAttrs4;
import org.gfspnfs.nfs41.xdr.ClientId4;
import org.gfspnfs.nfs41.xdr.ClientOwner4;
import org.gfspnfs.nfs41.xdr.Close4Args;
import org.gfspnfs.nfs41.xdr.Commit4Args;
import org.gfspnfs.nfs41.xdr.Component4;
import org.gfspnfs.nfs41.xdr.CompoundArgs4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.Create4Args;
import org.gfspnfs.nfs41.xdr.CreateSession4Args;
import org.gfspnfs.nfs41.xdr.CreateSession4Res;
import org.gfspnfs.nfs41.xdr.ExchangeId4Args;
import org.gfspnfs.nfs41.xdr.ExchangeId4Res;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.FileType4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Read4Args;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.ResOp4;
import org.gfspnfs.nfs41.xdr.Sequence4Args;
import org.gfspnfs.nfs41.xdr.SessionId4;
import org.gfspnfs.nfs41.xdr.StateOwner4;
import org.gfspnfs.nfs41.xdr.StateProtect4A;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.Verifier4;
import org.gfspnfs.nfs41.xdr.Write4Args;
import org.gfspnfs.nfs41.xdr.Write4Res;

/**
 * The few NFSv4.1 calls the node tests need, over real TCP with the engine's XDR types: NULL, EXCHANGE_ID,
 * CREATE_SESSION, then SEQUENCE-led compounds: PUTROOTFH/PUTFH, LOOKUP, CREATE (directory), OPEN, WRITE, COMMIT,
 * READ, CLOSE, REMOVE, GETFH, GETATTR.
 * (The nfs41 module's richer Nfs41TestClient lives in its test sources; until it is shared this stays minimal.)
 */
public final class MiniNfsClient implements AutoCloseable {
    private final OncRpcClient rpc;
    private final RpcTransport transport;
    private final RpcAuthTypeUnix auth = new RpcAuthTypeUnix(0, 0, new int[] {0}, 0, "node-test");
    private byte[] sessionId;
    private long clientId;
    private int seq;

    /** A file's type and fileid as GETATTR returned them. */
    public record Attrs(int type, long fileId) {
    }

    private MiniNfsClient(OncRpcClient rpc, RpcTransport transport) {
        this.rpc = rpc;
        this.transport = transport;
    }

    public static MiniNfsClient connect(InetSocketAddress server) throws IOException {
        OncRpcClient rpc = OncRpcClient.newBuilder().withTCP().withWorkerThreadPoolSize(1).build(server);
        return new MiniNfsClient(rpc, rpc.connect(10, TimeUnit.SECONDS));
    }

    /** NULL procedure: the server answers RPC at all. */
    public void ping() throws IOException {
        call(0, new XdrVoid(), new XdrVoid());
    }

    /** EXCHANGE_ID + CREATE_SESSION + RECLAIM_COMPLETE; replies up to 8 KiB may be cached. */
    public MiniNfsClient mount(String owner) throws IOException {
        return mount(owner, 8192);
    }

    /** {@link #mount(String)} asking for replies up to {@code maxCachedReply} bytes to be cacheable. */
    public MiniNfsClient mount(String owner, int maxCachedReply) throws IOException {
        ExchangeId4Res eid = (ExchangeId4Res) ok(compound(false, new ArgOp4(Op.EXCHANGE_ID, new ExchangeId4Args(
                new ClientOwner4(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, owner.getBytes(StandardCharsets.UTF_8)), 0,
                new StateProtect4A(StateProtect4A.SP4_NONE), new ArrayList<>())))).results.get(0).body;
        ChannelAttrs4 fore = new ChannelAttrs4(0, 1 << 20, 1 << 20, maxCachedReply, 16, 8, new int[0]);
        ChannelAttrs4 back = new ChannelAttrs4(0, 4096, 4096, 0, 4, 1, new int[0]);
        CreateSession4Res cs = (CreateSession4Res) ok(compound(false, new ArgOp4(Op.CREATE_SESSION,
                new CreateSession4Args(eid.clientId, eid.sequenceId, 0, fore, back, 0x40000001,
                        List.of(new CallbackSecParms4(CallbackSecParms4.AUTH_SYS,
                                new AuthSysParms4(0, "node-test", 0, 0, new int[0]))))))).results.get(0).body;
        sessionId = cs.sessionId;
        clientId = eid.clientId;
        ok(compound(true, new ArgOp4(Op.RECLAIM_COMPLETE, new Bool4(false))));
        return this;
    }

    /** PUTROOTFH + GETATTR(type, fileid). */
    public Attrs rootAttrs() throws IOException {
        return attrs(ok(compound(true, putRoot(), getattr())));
    }

    /** PUTROOTFH + CREATE directory {@code name} + GETFH: the new directory's handle. */
    public byte[] mkdirInRoot(String name) throws IOException {
        Create4Args a = new Create4Args();
        a.type = FileType4.NF4DIR;
        a.name = name.getBytes(StandardCharsets.UTF_8);
        a.attrs = new Fattr4(new int[0], new byte[0]);
        CompoundRes4 r = ok(compound(true, putRoot(), new ArgOp4(Op.CREATE, a), new ArgOp4(Op.GETFH, new XdrVoid())));
        return ((NfsFh4) last(r).body).value;
    }

    /** PUTROOTFH + LOOKUP + GETATTR; the compound's status (NFS4_OK or the failure). */
    public int lookupInRoot(String name) throws IOException {
        return compound(true, putRoot(), new ArgOp4(Op.LOOKUP, new Component4(name.getBytes(StandardCharsets.UTF_8))),
                getattr()).status;
    }

    /** PUTFH + GETATTR of a handle from an earlier server instance. */
    public Attrs attrsOf(byte[] fh) throws IOException {
        return attrs(ok(compound(true, new ArgOp4(Op.PUTFH, new NfsFh4(fh)), getattr())));
    }

    /** An open file: its handle and open stateid. */
    public record Opened(byte[] fh, Stateid4 stateid) {
    }

    /** PUTROOTFH + OPEN(create, UNCHECKED, read+write) + GETFH. */
    public Opened createInRoot(String name) throws IOException {
        Open4Args a = new Open4Args();
        a.shareAccess = 3;
        a.shareDeny = 0;
        a.owner = new StateOwner4(clientId, "node-test-owner".getBytes(StandardCharsets.UTF_8));
        a.openType = Open4Args.OPEN4_CREATE;
        a.createMode = Open4Args.UNCHECKED4;
        a.createAttrs = new Fattr4(new int[0], new byte[0]);
        a.claimType = Open4Args.CLAIM_NULL;
        a.claimName = name.getBytes(StandardCharsets.UTF_8);
        CompoundRes4 r = ok(compound(true, putRoot(), new ArgOp4(Op.OPEN, a), new ArgOp4(Op.GETFH, new XdrVoid())));
        Open4Res open = (Open4Res) r.results.get(2).body;
        return new Opened(((NfsFh4) last(r).body).value, open.stateid);
    }

    /** PUTFH + WRITE; {@code stable} is stable_how4 (0 UNSTABLE, 2 FILE_SYNC). */
    public Write4Res write(Opened f, long offset, int stable, byte[] data) throws IOException {
        return (Write4Res) last(ok(compound(true, putFh(f.fh()),
                new ArgOp4(Op.WRITE, new Write4Args(f.stateid(), offset, stable, data))))).body;
    }

    /** PUTFH + COMMIT of the whole file: the write verifier. */
    public byte[] commit(byte[] fh) throws IOException {
        return ((Verifier4) last(ok(compound(true, putFh(fh), new ArgOp4(Op.COMMIT, new Commit4Args(0, 0))))).body)
                .value;
    }

    /** PUTFH + READ with the anonymous stateid. */
    public Read4Res read(byte[] fh, long offset, int count) throws IOException {
        return (Read4Res) last(ok(compound(true, putFh(fh),
                new ArgOp4(Op.READ, new Read4Args(new Stateid4(0, new byte[12]), offset, count))))).body;
    }

    /**
     * PUTFH + READ with cachethis set, on slot 1 (used for nothing else; call once per client), then
     * {@code meanwhile} (on slot 0), then the very same request again: the second answer comes from the session's
     * reply cache. Returns both answers.
     */
    public Read4Res[] readCachedThenReplay(byte[] fh, long offset, int count, IoAction meanwhile) throws IOException {
        CompoundArgs4 args = new CompoundArgs4();
        args.minorVersion = 1;
        args.tag = "node-test".getBytes(StandardCharsets.UTF_8);
        args.ops = new ArrayList<>(List.of(new ArgOp4(Op.SEQUENCE, new Sequence4Args(sessionId, 1, 1, 1, true)),
                putFh(fh), new ArgOp4(Op.READ, new Read4Args(new Stateid4(0, new byte[12]), offset, count))));
        CompoundRes4 first = new CompoundRes4();
        call(1, args, first);
        meanwhile.run();
        CompoundRes4 replay = new CompoundRes4();
        call(1, args, replay);
        return new Read4Res[] {(Read4Res) last(ok(first)).body, (Read4Res) last(ok(replay)).body};
    }

    /** Something the caller does over this client between two requests. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }

    /** PUTFH + CLOSE. */
    public void close(Opened f) throws IOException {
        ok(compound(true, putFh(f.fh()), new ArgOp4(Op.CLOSE, new Close4Args(0, f.stateid()))));
    }

    /** PUTROOTFH + REMOVE; the compound status. */
    public int removeInRoot(String name) throws IOException {
        return compound(true, putRoot(), new ArgOp4(Op.REMOVE, new Component4(name.getBytes(StandardCharsets.UTF_8))))
                .status;
    }

    /** PUTFH + GETATTR; the compound status (NFS4ERR_STALE for a handle of a deleted file). */
    public int getattrStatus(byte[] fh) throws IOException {
        return compound(true, putFh(fh), getattr()).status;
    }

    private static ArgOp4 putFh(byte[] fh) {
        return new ArgOp4(Op.PUTFH, new NfsFh4(fh));
    }

    private static ArgOp4 putRoot() {
        return new ArgOp4(Op.PUTROOTFH, new XdrVoid());
    }

    private static ArgOp4 getattr() {
        return new ArgOp4(Op.GETATTR, new Bitmap4(Bitmaps.of(Attr.TYPE, Attr.FILEID)));
    }

    private static Attrs attrs(CompoundRes4 r) {
        ByteBuffer b = ByteBuffer.wrap(((Fattr4) last(r).body).attrVals);
        return new Attrs(b.getInt(), b.getLong());
    }

    private static ResOp4 last(CompoundRes4 r) {
        return r.results.get(r.results.size() - 1);
    }

    private CompoundRes4 compound(boolean inSession, ArgOp4... ops) throws IOException {
        CompoundArgs4 args = new CompoundArgs4();
        args.minorVersion = 1;
        args.tag = "node-test".getBytes(StandardCharsets.UTF_8);
        args.ops = new ArrayList<>();
        if (inSession) {
            seq++;
            args.ops.add(new ArgOp4(Op.SEQUENCE, new Sequence4Args(sessionId, seq, 0, 0, false)));
        }
        args.ops.addAll(List.of(ops));
        CompoundRes4 res = new CompoundRes4();
        call(1, args, res);
        return res;
    }

    private void call(int proc, org.dcache.oncrpc4j.xdr.XdrAble args, org.dcache.oncrpc4j.xdr.XdrAble res)
            throws IOException {
        try {
            new RpcCall(100003, 4, auth, transport).call(proc, args, res, 30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("RPC timed out", e);
        }
    }

    private static CompoundRes4 ok(CompoundRes4 r) {
        if (r.status != NfsStat.NFS4_OK) {
            throw new AssertionError("COMPOUND failed: " + NfsStat.name(r.status) + " at op "
                    + (r.results.isEmpty() ? "?" : last(r).opnum));
        }
        return r;
    }

    /** PUTROOTFH + OPEN(create); the compound status (NFS4ERR_GRACE while the server waits for reclaims). */
    public int openStatus(String name) throws IOException {
        Open4Args a = new Open4Args();
        a.shareAccess = 3;
        a.owner = new StateOwner4(clientId, "node-test-owner".getBytes(StandardCharsets.UTF_8));
        a.openType = Open4Args.OPEN4_CREATE;
        a.createMode = Open4Args.UNCHECKED4;
        a.createAttrs = new Fattr4(new int[0], new byte[0]);
        a.claimType = Open4Args.CLAIM_NULL;
        a.claimName = name.getBytes(StandardCharsets.UTF_8);
        return compound(true, putRoot(), new ArgOp4(Op.OPEN, a)).status;
    }

    /** Drops the connection without unmounting, as a client that crashed: its state stays on the server. */
    public void abandon() throws IOException {
        rpc.close();
    }

    /** Unmounts like the Linux client (DESTROY_SESSION, DESTROY_CLIENTID), then disconnects. */
    @Override
    public void close() throws IOException {
        try {
            if (sessionId != null) {
                compound(false, new ArgOp4(Op.DESTROY_SESSION, new SessionId4(sessionId)));
                compound(false, new ArgOp4(Op.DESTROY_CLIENTID, new ClientId4(clientId)));
            }
        } finally {
            rpc.close();
        }
    }
}
