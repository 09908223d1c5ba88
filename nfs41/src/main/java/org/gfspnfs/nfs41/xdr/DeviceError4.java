package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** device_error4 (RFC 7862 section 15.6.1): which device failed, with which status, in which operation. */
public class DeviceError4 implements XdrAble {
    public byte[] deviceId;
    public int status;
    public int opnum;

    public DeviceError4() {
    }

    public DeviceError4(byte[] deviceId, int status, int opnum) {
        this.deviceId = deviceId;
        this.status = status;
        this.opnum = opnum;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(deviceId, 16);
        xdr.xdrEncodeInt(status);
        xdr.xdrEncodeInt(opnum);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        deviceId = XdrBounds.fixed(xdr, 16);
        status = xdr.xdrDecodeInt();
        opnum = xdr.xdrDecodeInt();
    }
}
