package org.gfspnfs.gfs;

import java.io.IOException;

/**
 * Base of every failure a {@link FileSystem} operation reports. Each subclass stands for exactly one
 * {@link Errno}; callers translate with {@link #errno()} in one place instead of matching messages.
 */
public class GfsException extends IOException {
    private final Errno errno;

    public GfsException(Errno errno, String message) {
        super(message);
        this.errno = errno;
    }

    public GfsException(Errno errno, String message, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    /** The POSIX error this failure stands for. */
    public Errno errno() {
        return errno;
    }
}
