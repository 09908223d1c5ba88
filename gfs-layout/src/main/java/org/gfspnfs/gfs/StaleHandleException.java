package org.gfspnfs.gfs;

/** The inode was deleted, or its block now holds an inode of another generation ({@link Errno#ESTALE}). */
public class StaleHandleException extends GfsAnswerException {
    public StaleHandleException(String message) {
        super(Errno.ESTALE, message);
    }

    public StaleHandleException(String message, Throwable cause) {
        super(Errno.ESTALE, message, cause);
    }
}
