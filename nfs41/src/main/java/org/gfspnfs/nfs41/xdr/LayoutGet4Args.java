package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** LAYOUTGET4args (RFC 8881 section 18.43). */
public class LayoutGet4Args implements XdrAble {
    public boolean signalAvail;
    public int layoutType;
    public int ioMode;
    public long offset;
    public long length;
    public long minLength;
    public Stateid4 stateid;
    public int maxCount;

    public LayoutGet4Args() {
    }

    public LayoutGet4Args(boolean signalAvail, int layoutType, int ioMode, long offset, long length, long minLength, Stateid4 stateid, int maxCount) {
        this.signalAvail = signalAvail;
        this.layoutType = layoutType;
        this.ioMode = ioMode;
        this.offset = offset;
        this.length = length;
        this.minLength = minLength;
        this.stateid = stateid;
        this.maxCount = maxCount;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeBoolean(signalAvail);
        xdr.xdrEncodeInt(layoutType);
        xdr.xdrEncodeInt(ioMode);
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeLong(length);
        xdr.xdrEncodeLong(minLength);
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeInt(maxCount);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        signalAvail = XdrBounds.bool(xdr);
        layoutType = xdr.xdrDecodeInt();
        ioMode = xdr.xdrDecodeInt();
        offset = xdr.xdrDecodeLong();
        length = xdr.xdrDecodeLong();
        minLength = xdr.xdrDecodeLong();
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        maxCount = xdr.xdrDecodeInt();
    }
}
