package org.gfspnfs.gfs;

/** The name is already taken in the directory ({@link Errno#EEXIST}). */
public class FileExistsException extends GfsException {
    public FileExistsException(String message) {
        super(Errno.EEXIST, message);
    }

    public FileExistsException(String message, Throwable cause) {
        super(Errno.EEXIST, message, cause);
    }

    /** An answer to the caller, not a fault: no stack trace (looking up a name that is not there is routine). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
