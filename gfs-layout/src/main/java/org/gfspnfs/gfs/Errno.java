package org.gfspnfs.gfs;

/**
 * The POSIX error numbers a {@link FileSystem} operation can fail with (Linux values), so that callers such as the
 * NFSv4.1 layer translate a {@link GfsException} to a protocol status in one place (RFC 8881 section 15.1 maps
 * most of these one to one onto {@code nfsstat4}).
 */
public enum Errno {
    ENOENT(2), EIO(5), EAGAIN(11), EEXIST(17), EXDEV(18), ENOTDIR(20), EISDIR(21), EINVAL(22), EFBIG(27),
    ENOSPC(28), EROFS(30), EMLINK(31), ENAMETOOLONG(36), ENOTEMPTY(39), ELOOP(40), ESTALE(116);

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    /** The Linux errno value. */
    public int code() {
        return code;
    }
}
