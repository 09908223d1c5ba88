package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** WRITE4args (RFC 8881 section 18.32). */
public class Write4Args implements XdrAble {
    public Stateid4 stateid;
    public long offset;
    public int stable;
    public byte[] data;

    public Write4Args() {
    }

    public Write4Args(Stateid4 stateid, long offset, int stable, byte[] data) {
        this.stateid = stateid;
        this.offset = offset;
        this.stable = stable;
        this.data = data;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeInt(stable);
        xdr.xdrEncodeDynamicOpaque(data);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        offset = xdr.xdrDecodeLong();
        stable = xdr.xdrDecodeInt();
        data = XdrBounds.opaque(xdr, XdrBounds.DATA_LIMIT);
    }
}
