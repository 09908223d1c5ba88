package org.gfspnfs.gfs;

/** rmdir or rename over a directory that still has entries ({@link Errno#ENOTEMPTY}). */
public class DirectoryNotEmptyException extends GfsException {
    public DirectoryNotEmptyException(String message) {
        super(Errno.ENOTEMPTY, message);
    }

    public DirectoryNotEmptyException(String message, Throwable cause) {
        super(Errno.ENOTEMPTY, message, cause);
    }

    /** An answer to the caller, not a fault: no stack trace (looking up a name that is not there is routine). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
