package org.gfspnfs.gfs;

/**
 * A failure that answers the caller's request (no such name, the name exists, the directory is not empty, the
 * handle is stale), not a fault of the filesystem: it records no stack trace, which would cost more than the
 * answer (a lookup of a name that is not there is routine).
 */
public abstract class GfsAnswerException extends GfsException {
    protected GfsAnswerException(Errno errno, String message) {
        super(errno, message);
    }

    protected GfsAnswerException(Errno errno, String message, Throwable cause) {
        super(errno, message, cause);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
