package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** LAYOUTCOMMIT4args (RFC 8881 section 18.42) with the newoffset4/newtime4 unions as nullable fields. */
public class LayoutCommit4Args implements XdrAble {
    public long offset;
    public long length;
    public boolean reclaim;
    public Stateid4 stateid;
    public Long lastWriteOffset;
    public Nfstime4 timeModify;
    public int layoutType;
    public byte[] body = new byte[0];

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeLong(length);
        xdr.xdrEncodeBoolean(reclaim);
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeBoolean(lastWriteOffset != null);
        if (lastWriteOffset != null) {
            xdr.xdrEncodeLong(lastWriteOffset);
        }
        xdr.xdrEncodeBoolean(timeModify != null);
        if (timeModify != null) {
            timeModify.xdrEncode(xdr);
        }
        xdr.xdrEncodeInt(layoutType);
        xdr.xdrEncodeDynamicOpaque(body);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        offset = xdr.xdrDecodeLong();
        length = xdr.xdrDecodeLong();
        reclaim = XdrBounds.bool(xdr);
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        lastWriteOffset = XdrBounds.bool(xdr) ? xdr.xdrDecodeLong() : null;
        if (XdrBounds.bool(xdr)) {
            timeModify = new Nfstime4();
            timeModify.xdrDecode(xdr);
        }
        layoutType = xdr.xdrDecodeInt();
        body = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_BODY);
    }
}
