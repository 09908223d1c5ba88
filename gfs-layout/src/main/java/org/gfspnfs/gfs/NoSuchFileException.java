package org.gfspnfs.gfs;

/** The named entry does not exist ({@link Errno#ENOENT}). */
public class NoSuchFileException extends GfsException {
    public NoSuchFileException(String message) {
        super(Errno.ENOENT, message);
    }

    public NoSuchFileException(String message, Throwable cause) {
        super(Errno.ENOENT, message, cause);
    }

    /** An answer to the caller, not a fault: no stack trace (looking up a name that is not there is routine). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
