package org.gfspnfs.nfs41.xdr;

/** device_addr4 (RFC 8881 section 3.3.14). */
public class DeviceAddr4 extends TypedLayoutBody4 {

    public DeviceAddr4() {
    }

    public DeviceAddr4(int layoutType, byte[] body) {
        super(layoutType, body);
    }
}
