package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** LOCKT4args (RFC 8881 section 18.11). */
public class Lockt4Args implements XdrAble {
    public int lockType;
    public long offset;
    public long length;
    public StateOwner4 owner;

    public Lockt4Args() {
    }

    public Lockt4Args(int lockType, long offset, long length, StateOwner4 owner) {
        this.lockType = lockType;
        this.offset = offset;
        this.length = length;
        this.owner = owner;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(lockType);
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeLong(length);
        owner.xdrEncode(xdr);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        lockType = xdr.xdrDecodeInt();
        offset = xdr.xdrDecodeLong();
        length = xdr.xdrDecodeLong();
        owner = new StateOwner4();
        owner.xdrDecode(xdr);
    }
}
