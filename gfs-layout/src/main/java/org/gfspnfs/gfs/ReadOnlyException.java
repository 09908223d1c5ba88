package org.gfspnfs.gfs;

/** The filesystem is mounted read-only (or was withdrawn after an I/O error) ({@link Errno#EROFS}). */
public class ReadOnlyException extends GfsException {
    public ReadOnlyException(String message) {
        super(Errno.EROFS, message);
    }

    public ReadOnlyException(String message, Throwable cause) {
        super(Errno.EROFS, message, cause);
    }
}
