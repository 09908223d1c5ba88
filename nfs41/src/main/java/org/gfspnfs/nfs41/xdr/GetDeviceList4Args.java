package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** GETDEVICELIST4args (RFC 8881 section 18.41). */
public class GetDeviceList4Args implements XdrAble {
    public int layoutType;
    public int maxDevices;
    public long cookie;
    public byte[] cookieVerf;

    public GetDeviceList4Args() {
    }

    public GetDeviceList4Args(int layoutType, int maxDevices, long cookie, byte[] cookieVerf) {
        this.layoutType = layoutType;
        this.maxDevices = maxDevices;
        this.cookie = cookie;
        this.cookieVerf = cookieVerf;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(layoutType);
        xdr.xdrEncodeInt(maxDevices);
        xdr.xdrEncodeLong(cookie);
        xdr.xdrEncodeOpaque(cookieVerf, 8);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        layoutType = xdr.xdrDecodeInt();
        maxDevices = xdr.xdrDecodeInt();
        cookie = xdr.xdrDecodeLong();
        cookieVerf = XdrBounds.fixed(xdr, 8);
    }
}
