package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** GETDEVICELIST4resok. */
public class GetDeviceList4Res implements XdrAble {
    public long cookie;
    public byte[] cookieVerf;
    public List<DeviceId4> deviceIds;
    public boolean eof;

    public GetDeviceList4Res() {
    }

    public GetDeviceList4Res(long cookie, byte[] cookieVerf, List<DeviceId4> deviceIds, boolean eof) {
        this.cookie = cookie;
        this.cookieVerf = cookieVerf;
        this.deviceIds = deviceIds;
        this.eof = eof;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(cookie);
        xdr.xdrEncodeOpaque(cookieVerf, 8);
        xdr.xdrEncodeInt(deviceIds.size());
        for (DeviceId4 e : deviceIds) {
            e.xdrEncode(xdr);
        }
        xdr.xdrEncodeBoolean(eof);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        cookie = xdr.xdrDecodeLong();
        cookieVerf = XdrBounds.fixed(xdr, 8);
        int deviceIdsCount = XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT);
        deviceIds = new ArrayList<>(deviceIdsCount);
        for (int i = 0; i < deviceIdsCount; i++) {
            DeviceId4 e = new DeviceId4();
            e.xdrDecode(xdr);
            deviceIds.add(e);
        }
        eof = XdrBounds.bool(xdr);
    }
}
