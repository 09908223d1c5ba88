package org.gfspnfs.gfs;

/** No free blocks (or dinodes) left in any resource group this node may use ({@link Errno#ENOSPC}). */
public class NoSpaceException extends GfsException {
    public NoSpaceException(String message) {
        super(Errno.ENOSPC, message);
    }

    public NoSpaceException(String message, Throwable cause) {
        super(Errno.ENOSPC, message, cause);
    }
}
