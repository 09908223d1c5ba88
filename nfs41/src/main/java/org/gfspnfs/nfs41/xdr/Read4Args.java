package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** READ4args (RFC 8881 section 18.22). */
public class Read4Args implements XdrAble {
    public Stateid4 stateid;
    public long offset;
    public int count;

    public Read4Args() {
    }

    public Read4Args(Stateid4 stateid, long offset, int count) {
        this.stateid = stateid;
        this.offset = offset;
        this.count = count;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeInt(count);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        offset = xdr.xdrDecodeLong();
        count = xdr.xdrDecodeInt();
    }
}
