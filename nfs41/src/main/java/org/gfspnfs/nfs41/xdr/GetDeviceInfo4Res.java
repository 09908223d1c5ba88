package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** GETDEVICEINFO4resok. */
public class GetDeviceInfo4Res implements XdrAble {
    public DeviceAddr4 deviceAddr;
    public int[] notification;

    public GetDeviceInfo4Res() {
    }

    public GetDeviceInfo4Res(DeviceAddr4 deviceAddr, int[] notification) {
        this.deviceAddr = deviceAddr;
        this.notification = notification;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        deviceAddr.xdrEncode(xdr);
        xdr.xdrEncodeIntVector(notification);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        deviceAddr = new DeviceAddr4();
        deviceAddr.xdrDecode(xdr);
        notification = XdrBounds.bitmap(xdr);
    }
}
