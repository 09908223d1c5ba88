package org.gfspnfs.gfs;

/** The block device failed an I/O ({@link Errno#EIO}). */
public class DeviceIOException extends GfsException {
    public DeviceIOException(String message) {
        super(Errno.EIO, message);
    }

    public DeviceIOException(String message, Throwable cause) {
        super(Errno.EIO, message, cause);
    }
}
