package org.gfspnfs.gfs;

/** A rename would move a directory below itself (POSIX rename(2) returns EINVAL) ({@link Errno#EINVAL}). */
public class RenameLoopException extends GfsException {
    public RenameLoopException(String message) {
        super(Errno.EINVAL, message);
    }

    public RenameLoopException(String message, Throwable cause) {
        super(Errno.EINVAL, message, cause);
    }
}
