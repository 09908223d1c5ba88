package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** LOCK4denied (RFC 8881 section 18.10): the lock that conflicts. */
public class LockDenied4 implements XdrAble {
    public long offset;
    public long length;
    public int lockType;
    public StateOwner4 owner;

    public LockDenied4() {
    }

    public LockDenied4(long offset, long length, int lockType, StateOwner4 owner) {
        this.offset = offset;
        this.length = length;
        this.lockType = lockType;
        this.owner = owner;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeLong(length);
        xdr.xdrEncodeInt(lockType);
        owner.xdrEncode(xdr);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        offset = xdr.xdrDecodeLong();
        length = xdr.xdrDecodeLong();
        lockType = xdr.xdrDecodeInt();
        owner = new StateOwner4();
        owner.xdrDecode(xdr);
    }
}
