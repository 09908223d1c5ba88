package org.gfspnfs.gfs;

/** The offset is beyond the largest file the block tree can address ({@link Errno#EFBIG}). */
public class FileTooLargeException extends GfsException {
    public FileTooLargeException(String message) {
        super(Errno.EFBIG, message);
    }

    public FileTooLargeException(String message, Throwable cause) {
        super(Errno.EFBIG, message, cause);
    }
}
