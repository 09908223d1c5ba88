package org.gfspnfs.gfs;

/** The two inodes belong to different filesystems ({@link Errno#EXDEV}). */
public class CrossDeviceException extends GfsException {
    public CrossDeviceException(String message) {
        super(Errno.EXDEV, message);
    }

    public CrossDeviceException(String message, Throwable cause) {
        super(Errno.EXDEV, message, cause);
    }
}
