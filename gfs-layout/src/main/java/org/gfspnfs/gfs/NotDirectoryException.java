package org.gfspnfs.gfs;

/** A directory was required but the inode is not one ({@link Errno#ENOTDIR}). */
public class NotDirectoryException extends GfsException {
    public NotDirectoryException(String message) {
        super(Errno.ENOTDIR, message);
    }

    public NotDirectoryException(String message, Throwable cause) {
        super(Errno.ENOTDIR, message, cause);
    }
}
