package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** CB_LAYOUTRECALL4args (RFC 8881 section 20.3) with the layoutrecall4 union flattened. */
public class CbLayoutRecall4Args implements XdrAble {
    public static final int RECALL_FILE = 1;
    public static final int RECALL_FSID = 2;
    public static final int RECALL_ALL = 3;

    public int layoutType;
    public int ioMode;
    public boolean changed;
    public int recallType;
    public byte[] fh;
    public long offset;
    public long length;
    public Stateid4 stateid;
    public long fsidMajor;
    public long fsidMinor;

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(layoutType);
        xdr.xdrEncodeInt(ioMode);
        xdr.xdrEncodeBoolean(changed);
        xdr.xdrEncodeInt(recallType);
        if (recallType == RECALL_FILE) {
            xdr.xdrEncodeDynamicOpaque(fh);
            xdr.xdrEncodeLong(offset);
            xdr.xdrEncodeLong(length);
            stateid.xdrEncode(xdr);
        } else if (recallType == RECALL_FSID) {
            xdr.xdrEncodeLong(fsidMajor);
            xdr.xdrEncodeLong(fsidMinor);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        layoutType = xdr.xdrDecodeInt();
        ioMode = xdr.xdrDecodeInt();
        changed = XdrBounds.bool(xdr);
        recallType = xdr.xdrDecodeInt();
        if (recallType == RECALL_FILE) {
            fh = XdrBounds.opaque(xdr, XdrBounds.FH_SIZE);
            offset = xdr.xdrDecodeLong();
            length = xdr.xdrDecodeLong();
            stateid = new Stateid4();
            stateid.xdrDecode(xdr);
        } else if (recallType == RECALL_FSID) {
            fsidMajor = xdr.xdrDecodeLong();
            fsidMinor = xdr.xdrDecodeLong();
        } else if (recallType != RECALL_ALL) {
            throw new XdrBounds.BadXdrLengthException(recallType, RECALL_ALL);
        }
    }
}
