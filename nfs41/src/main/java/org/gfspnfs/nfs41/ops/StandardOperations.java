package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.compound.OperationTable;
import org.gfspnfs.nfs41.xdr.Access4Args;
import org.gfspnfs.nfs41.xdr.BackchannelCtl4Args;
import org.gfspnfs.nfs41.xdr.BindConnToSession4Args;
import org.gfspnfs.nfs41.xdr.Bitmap4;
import org.gfspnfs.nfs41.xdr.Bool4;
import org.gfspnfs.nfs41.xdr.ClientId4;
import org.gfspnfs.nfs41.xdr.Close4Args;
import org.gfspnfs.nfs41.xdr.Commit4Args;
import org.gfspnfs.nfs41.xdr.Component4;
import org.gfspnfs.nfs41.xdr.Create4Args;
import org.gfspnfs.nfs41.xdr.CreateSession4Args;
import org.gfspnfs.nfs41.xdr.ExchangeId4Args;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.Lock4Args;
import org.gfspnfs.nfs41.xdr.Lockt4Args;
import org.gfspnfs.nfs41.xdr.Locku4Args;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.OpenDowngrade4Args;
import org.gfspnfs.nfs41.xdr.Read4Args;
import org.gfspnfs.nfs41.xdr.Readdir4Args;
import org.gfspnfs.nfs41.xdr.Rename4Args;
import org.gfspnfs.nfs41.xdr.SecinfoNoName4Args;
import org.gfspnfs.nfs41.xdr.Sequence4Args;
import org.gfspnfs.nfs41.xdr.SessionId4;
import org.gfspnfs.nfs41.xdr.SetAttr4Args;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.TestStateid4Args;
import org.gfspnfs.nfs41.xdr.Write4Args;

/**
 * The operation table of a plain NFSv4.1 server / pNFS MDS. To add an operation: write its class in this package,
 * make sure {@code xdr.ArgTypes} decodes its arguments, and register it here (see nfs41/ENGINE.md). Register it
 * with {@code addBrief} only if it can never wait on a client: it sends no callback (no recall) and never waits for
 * another call; a compound made only of such operations may run on the thread that read it.
 */
public final class StandardOperations {
    private StandardOperations() {
    }

    /** Session, namespace, attribute, I/O and state operations (everything but pNFS). */
    public static OperationTable.Builder core() {
        OperationTable.Builder b = OperationTable.builder();
        sessions(b);
        namespace(b);
        data(b);
        state(b);
        return b;
    }

    private static void sessions(OperationTable.Builder b) {
        b.add(Op.EXCHANGE_ID, "EXCHANGE_ID", ExchangeId4Args.class, new ExchangeIdOp());
        b.add(Op.CREATE_SESSION, "CREATE_SESSION", CreateSession4Args.class, new CreateSessionOp());
        b.addBrief(Op.SEQUENCE, "SEQUENCE", Sequence4Args.class, new SequenceOp());
        b.add(Op.BIND_CONN_TO_SESSION, "BIND_CONN_TO_SESSION", BindConnToSession4Args.class,
                new BindConnToSessionOp());
        b.add(Op.DESTROY_SESSION, "DESTROY_SESSION", SessionId4.class, new DestroySessionOp());
        b.add(Op.DESTROY_CLIENTID, "DESTROY_CLIENTID", ClientId4.class, new DestroyClientIdOp());
        b.add(Op.RECLAIM_COMPLETE, "RECLAIM_COMPLETE", Bool4.class, new ReclaimCompleteOp());
        b.add(Op.BACKCHANNEL_CTL, "BACKCHANNEL_CTL", BackchannelCtl4Args.class, new BackchannelCtlOp());
    }

    private static void namespace(OperationTable.Builder b) {
        b.addBrief(Op.PUTROOTFH, "PUTROOTFH", XdrVoid.class, new PutRootFhOp());
        b.addBrief(Op.PUTPUBFH, "PUTPUBFH", XdrVoid.class, new PutPubFhOp());
        b.addBrief(Op.PUTFH, "PUTFH", NfsFh4.class, new PutFhOp());
        b.addBrief(Op.GETFH, "GETFH", XdrVoid.class, new GetFhOp());
        b.addBrief(Op.SAVEFH, "SAVEFH", XdrVoid.class, new SaveFhOp());
        b.addBrief(Op.RESTOREFH, "RESTOREFH", XdrVoid.class, new RestoreFhOp());
        b.addBrief(Op.LOOKUP, "LOOKUP", Component4.class, new LookupOp());
        b.addBrief(Op.LOOKUPP, "LOOKUPP", XdrVoid.class, new LookuppOp());
        b.addBrief(Op.GETATTR, "GETATTR", Bitmap4.class, new GetAttrOp());
        b.add(Op.SETATTR, "SETATTR", SetAttr4Args.class, new SetAttrOp());
        b.addBrief(Op.VERIFY, "VERIFY", Fattr4.class, new VerifyOp(false));
        b.addBrief(Op.NVERIFY, "NVERIFY", Fattr4.class, new VerifyOp(true));
        b.addBrief(Op.ACCESS, "ACCESS", Access4Args.class, new AccessOp());
        b.add(Op.CREATE, "CREATE", Create4Args.class, new CreateOp());
        b.add(Op.REMOVE, "REMOVE", Component4.class, new RemoveOp());
        b.add(Op.RENAME, "RENAME", Rename4Args.class, new RenameOp());
        b.add(Op.LINK, "LINK", Component4.class, new LinkOp());
        b.addBrief(Op.READLINK, "READLINK", XdrVoid.class, new ReadlinkOp());
        b.add(Op.READDIR, "READDIR", Readdir4Args.class, new ReaddirOp());
        b.addBrief(Op.SECINFO, "SECINFO", Component4.class, new SecinfoOp());
        b.addBrief(Op.SECINFO_NO_NAME, "SECINFO_NO_NAME", SecinfoNoName4Args.class, new SecinfoNoNameOp());
    }

    private static void data(OperationTable.Builder b) {
        b.add(Op.READ, "READ", Read4Args.class, new ReadOp());
        b.add(Op.WRITE, "WRITE", Write4Args.class, new WriteOp());
        b.add(Op.COMMIT, "COMMIT", Commit4Args.class, new CommitOp());
    }

    private static void state(OperationTable.Builder b) {
        b.add(Op.OPEN, "OPEN", Open4Args.class, new OpenOp());
        b.add(Op.OPEN_DOWNGRADE, "OPEN_DOWNGRADE", OpenDowngrade4Args.class, new OpenDowngradeOp());
        b.addBrief(Op.CLOSE, "CLOSE", Close4Args.class, new CloseOp());
        b.add(Op.LOCK, "LOCK", Lock4Args.class, new LockOp());
        b.add(Op.LOCKT, "LOCKT", Lockt4Args.class, new LocktOp());
        b.add(Op.LOCKU, "LOCKU", Locku4Args.class, new LockuOp());
        b.addBrief(Op.TEST_STATEID, "TEST_STATEID", TestStateid4Args.class, new TestStateidOp());
        b.add(Op.FREE_STATEID, "FREE_STATEID", Stateid4.class, new FreeStateidOp());
        b.add(Op.DELEGRETURN, "DELEGRETURN", Stateid4.class, new DelegReturnOp());
    }
}
