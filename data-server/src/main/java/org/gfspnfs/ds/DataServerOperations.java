package org.gfspnfs.ds;

import org.gfspnfs.nfs41.compound.OperationTable;
import org.gfspnfs.nfs41.ops.StandardOperations;
import org.gfspnfs.nfs41.xdr.Commit4Args;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Read4Args;
import org.gfspnfs.nfs41.xdr.Write4Args;

/**
 * The operations a data server answers (RFC 8881 section 13.6): session management, SEQUENCE, PUTFH/GETFH/GETATTR,
 * SECINFO_NO_NAME, and READ/WRITE/COMMIT on MDS file handles. Namespace and open/lock operations belong to the MDS
 * and answer NFS4ERR_NOTSUPP here.
 */
final class DataServerOperations {
    private static final int[] MDS_ONLY = {
        Op.OPEN, Op.OPEN_DOWNGRADE, Op.CLOSE, Op.LOCK, Op.LOCKT, Op.LOCKU, Op.DELEGRETURN, Op.TEST_STATEID,
        Op.FREE_STATEID, Op.CREATE, Op.REMOVE, Op.RENAME, Op.LINK, Op.SETATTR, Op.READDIR, Op.READLINK,
        Op.LOOKUP, Op.LOOKUPP, Op.SECINFO, Op.ACCESS, Op.VERIFY, Op.NVERIFY,
    };

    private DataServerOperations() {
    }

    static OperationTable.Builder table(DsBlockStore store) {
        OperationTable.Builder b = StandardOperations.core();
        for (int op : MDS_ONLY) {
            b.remove(op);
        }
        b.add(Op.READ, "READ", Read4Args.class, new DsReadOp(store));
        b.add(Op.WRITE, "WRITE", Write4Args.class, new DsWriteOp(store));
        b.add(Op.COMMIT, "COMMIT", Commit4Args.class, new DsCommitOp(store));
        return b;
    }
}
