package org.gfspnfs.nfs41.xdr;

/** nfs_cb_opnum4 values (RFC 5662) and the callback program's procedure numbers. */
public final class CbOp {
    public static final int CB_NULL_PROC = 0;
    public static final int CB_COMPOUND_PROC = 1;
    /** NFS4_CALLBACK version. */
    public static final int VERSION = 1;

    public static final int CB_GETATTR = 3;
    public static final int CB_RECALL = 4;
    public static final int CB_LAYOUTRECALL = 5;
    public static final int CB_NOTIFY = 6;
    public static final int CB_RECALL_ANY = 8;
    public static final int CB_SEQUENCE = 11;
    public static final int CB_NOTIFY_DEVICEID = 14;
    public static final int CB_ILLEGAL = 10044;

    private CbOp() {
    }
}
