package org.gfspnfs.gfs;

/** rmdir or rename over a directory that still has entries ({@link Errno#ENOTEMPTY}). */
public class DirectoryNotEmptyException extends GfsAnswerException {
    public DirectoryNotEmptyException(String message) {
        super(Errno.ENOTEMPTY, message);
    }

    public DirectoryNotEmptyException(String message, Throwable cause) {
        super(Errno.ENOTEMPTY, message, cause);
    }
}
