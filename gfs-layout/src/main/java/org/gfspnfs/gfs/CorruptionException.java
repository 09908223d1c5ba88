package org.gfspnfs.gfs;

/** A metadata block failed its checksum or sanity check: it is reported, never followed ({@link Errno#EIO}). */
public class CorruptionException extends GfsException {
    public CorruptionException(String message) {
        super(Errno.EIO, message);
    }

    public CorruptionException(String message, Throwable cause) {
        super(Errno.EIO, message, cause);
    }
}
