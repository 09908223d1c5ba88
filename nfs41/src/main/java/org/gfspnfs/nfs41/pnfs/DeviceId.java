package org.gfspnfs.nfs41.pnfs;

import java.nio.ByteBuffer;

/** deviceid4: 16 bytes naming a storage device (for the files layout, a list of data servers). */
public record DeviceId(long high, long low) {
    public byte[] toBytes() {
        return ByteBuffer.allocate(16).putLong(high).putLong(low).array();
    }

    public static DeviceId of(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new DeviceId(b.getLong(), b.getLong());
    }
}
