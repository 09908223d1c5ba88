package org.gfspnfs.gfs;

/** The named entry does not exist ({@link Errno#ENOENT}). */
public class NoSuchFileException extends GfsAnswerException {
    public NoSuchFileException(String message) {
        super(Errno.ENOENT, message);
    }

    public NoSuchFileException(String message, Throwable cause) {
        super(Errno.ENOENT, message, cause);
    }
}
