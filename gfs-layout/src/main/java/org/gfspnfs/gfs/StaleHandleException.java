package org.gfspnfs.gfs;

/** The inode was deleted, or its block now holds an inode of another generation ({@link Errno#ESTALE}). */
public class StaleHandleException extends GfsException {
    public StaleHandleException(String message) {
        super(Errno.ESTALE, message);
    }

    public StaleHandleException(String message, Throwable cause) {
        super(Errno.ESTALE, message, cause);
    }

    /** An answer to the caller, not a fault: no stack trace (looking up a name that is not there is routine). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
