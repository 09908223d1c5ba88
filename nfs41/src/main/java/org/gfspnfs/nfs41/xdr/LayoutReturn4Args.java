package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** LAYOUTRETURN4args (RFC 8881 section 18.44) with the layoutreturn4 union flattened. */
public class LayoutReturn4Args implements XdrAble {
    public static final int RETURN_FILE = 1;
    public static final int RETURN_FSID = 2;
    public static final int RETURN_ALL = 3;

    public boolean reclaim;
    public int layoutType;
    public int ioMode;
    public int returnType;
    public long offset;
    public long length;
    public Stateid4 stateid;
    public byte[] body = new byte[0];

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeBoolean(reclaim);
        xdr.xdrEncodeInt(layoutType);
        xdr.xdrEncodeInt(ioMode);
        xdr.xdrEncodeInt(returnType);
        if (returnType == RETURN_FILE) {
            xdr.xdrEncodeLong(offset);
            xdr.xdrEncodeLong(length);
            stateid.xdrEncode(xdr);
            xdr.xdrEncodeDynamicOpaque(body);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        reclaim = XdrBounds.bool(xdr);
        layoutType = xdr.xdrDecodeInt();
        ioMode = xdr.xdrDecodeInt();
        returnType = xdr.xdrDecodeInt();
        if (returnType == RETURN_FILE) {
            offset = xdr.xdrDecodeLong();
            length = xdr.xdrDecodeLong();
            stateid = new Stateid4();
            stateid.xdrDecode(xdr);
            body = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_BODY);
        } else if (returnType != RETURN_FSID && returnType != RETURN_ALL) {
            throw new XdrBounds.BadXdrLengthException(returnType, RETURN_ALL);
        }
    }
}
