package org.gfspnfs.gfs;

/** An argument is out of range, e.g. a bad name, offset or mode ({@link Errno#EINVAL}). */
public class InvalidArgumentException extends GfsException {
    public InvalidArgumentException(String message) {
        super(Errno.EINVAL, message);
    }

    public InvalidArgumentException(String message, Throwable cause) {
        super(Errno.EINVAL, message, cause);
    }
}
