package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** LOCK4args (RFC 8881 section 18.10) with the locker4 union flattened. */
public class Lock4Args implements XdrAble {
    public static final int READ_LT = 1;
    public static final int WRITE_LT = 2;
    public static final int READW_LT = 3;
    public static final int WRITEW_LT = 4;

    public int lockType;
    public boolean reclaim;
    public long offset;
    public long length;
    public boolean newLockOwner;
    public int openSeqid;
    public Stateid4 openStateid;
    public StateOwner4 lockOwner;
    public Stateid4 lockStateid;
    public int lockSeqid;

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(lockType);
        xdr.xdrEncodeBoolean(reclaim);
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeLong(length);
        xdr.xdrEncodeBoolean(newLockOwner);
        if (newLockOwner) {
            xdr.xdrEncodeInt(openSeqid);
            openStateid.xdrEncode(xdr);
            xdr.xdrEncodeInt(lockSeqid);
            lockOwner.xdrEncode(xdr);
        } else {
            lockStateid.xdrEncode(xdr);
            xdr.xdrEncodeInt(lockSeqid);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        lockType = xdr.xdrDecodeInt();
        reclaim = XdrBounds.bool(xdr);
        offset = xdr.xdrDecodeLong();
        length = xdr.xdrDecodeLong();
        newLockOwner = XdrBounds.bool(xdr);
        if (newLockOwner) {
            openSeqid = xdr.xdrDecodeInt();
            openStateid = new Stateid4();
            openStateid.xdrDecode(xdr);
            lockSeqid = xdr.xdrDecodeInt();
            lockOwner = new StateOwner4();
            lockOwner.xdrDecode(xdr);
        } else {
            lockStateid = new Stateid4();
            lockStateid.xdrDecode(xdr);
            lockSeqid = xdr.xdrDecodeInt();
        }
    }
}
