package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** LOCKU4args (RFC 8881 section 18.12). */
public class Locku4Args implements XdrAble {
    public int lockType;
    public int seqid;
    public Stateid4 stateid;
    public long offset;
    public long length;

    public Locku4Args() {
    }

    public Locku4Args(int lockType, int seqid, Stateid4 stateid, long offset, long length) {
        this.lockType = lockType;
        this.seqid = seqid;
        this.stateid = stateid;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(lockType);
        xdr.xdrEncodeInt(seqid);
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeLong(length);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        lockType = xdr.xdrDecodeInt();
        seqid = xdr.xdrDecodeInt();
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        offset = xdr.xdrDecodeLong();
        length = xdr.xdrDecodeLong();
    }
}
