package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * notify_deviceid_change4 / notify_deviceid_delete4 (RFC 8881 section 20.12): one device change inside a notify4 of
 * CB_NOTIFY_DEVICEID. {@link #notify4()} wraps it with the right mask bit.
 */
public class NotifyDeviceId4 implements XdrAble {
    /** Bit numbers of notify_deviceid_type4. */
    public static final int CHANGE = 1;
    public static final int DELETE = 2;

    public int type;
    public int layoutType;
    public byte[] deviceId;
    public boolean immediate;

    public NotifyDeviceId4() {
    }

    public NotifyDeviceId4(int type, int layoutType, byte[] deviceId, boolean immediate) {
        this.type = type;
        this.layoutType = layoutType;
        this.deviceId = deviceId;
        this.immediate = immediate;
    }

    /** This change as one notify4 entry. */
    public Notify4 notify4() {
        return new Notify4(new int[] {1 << type}, XdrBytes.encode(this));
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(layoutType);
        xdr.xdrEncodeOpaque(deviceId, 16);
        if (type == CHANGE) {
            xdr.xdrEncodeBoolean(immediate);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        layoutType = xdr.xdrDecodeInt();
        deviceId = XdrBounds.fixed(xdr, 16);
        if (type == CHANGE) {
            immediate = XdrBounds.bool(xdr);
        }
    }
}
