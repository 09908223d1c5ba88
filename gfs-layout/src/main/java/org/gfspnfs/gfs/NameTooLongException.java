package org.gfspnfs.gfs;

/** A name is longer than 255 bytes in UTF-8 ({@link Errno#ENAMETOOLONG}). */
public class NameTooLongException extends GfsException {
    public NameTooLongException(String message) {
        super(Errno.ENAMETOOLONG, message);
    }

    public NameTooLongException(String message, Throwable cause) {
        super(Errno.ENAMETOOLONG, message, cause);
    }
}
