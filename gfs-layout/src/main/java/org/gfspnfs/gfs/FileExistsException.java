package org.gfspnfs.gfs;

/** The name is already taken in the directory ({@link Errno#EEXIST}). */
public class FileExistsException extends GfsAnswerException {
    public FileExistsException(String message) {
        super(Errno.EEXIST, message);
    }

    public FileExistsException(String message, Throwable cause) {
        super(Errno.EEXIST, message, cause);
    }
}
