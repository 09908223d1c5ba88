package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** READDIR4args (RFC 8881 section 18.23). */
public class Readdir4Args implements XdrAble {
    public long cookie;
    public byte[] cookieVerf;
    public int dirCount;
    public int maxCount;
    public int[] attrRequest;

    public Readdir4Args() {
    }

    public Readdir4Args(long cookie, byte[] cookieVerf, int dirCount, int maxCount, int[] attrRequest) {
        this.cookie = cookie;
        this.cookieVerf = cookieVerf;
        this.dirCount = dirCount;
        this.maxCount = maxCount;
        this.attrRequest = attrRequest;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(cookie);
        xdr.xdrEncodeOpaque(cookieVerf, 8);
        xdr.xdrEncodeInt(dirCount);
        xdr.xdrEncodeInt(maxCount);
        xdr.xdrEncodeIntVector(attrRequest);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        cookie = xdr.xdrDecodeLong();
        cookieVerf = XdrBounds.fixed(xdr, 8);
        dirCount = xdr.xdrDecodeInt();
        maxCount = xdr.xdrDecodeInt();
        attrRequest = XdrBounds.bitmap(xdr);
    }
}
