package org.gfspnfs.gfs;

/** A non-directory was required but the inode is a directory ({@link Errno#EISDIR}). */
public class IsDirectoryException extends GfsException {
    public IsDirectoryException(String message) {
        super(Errno.EISDIR, message);
    }

    public IsDirectoryException(String message, Throwable cause) {
        super(Errno.EISDIR, message, cause);
    }
}
