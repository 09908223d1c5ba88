package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** GETDEVICEINFO4args (RFC 8881 section 18.40). */
public class GetDeviceInfo4Args implements XdrAble {
    public byte[] deviceId;
    public int layoutType;
    public int maxCount;
    public int[] notifyTypes;

    public GetDeviceInfo4Args() {
    }

    public GetDeviceInfo4Args(byte[] deviceId, int layoutType, int maxCount, int[] notifyTypes) {
        this.deviceId = deviceId;
        this.layoutType = layoutType;
        this.maxCount = maxCount;
        this.notifyTypes = notifyTypes;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(deviceId, 16);
        xdr.xdrEncodeInt(layoutType);
        xdr.xdrEncodeInt(maxCount);
        xdr.xdrEncodeIntVector(notifyTypes);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        deviceId = XdrBounds.fixed(xdr, 16);
        layoutType = xdr.xdrDecodeInt();
        maxCount = xdr.xdrDecodeInt();
        notifyTypes = XdrBounds.bitmap(xdr);
    }
}
