package org.gfspnfs.gfs;

import java.time.Instant;

/**
 * Which attributes a {@link FileSystem#setattr} call changes; {@code null} leaves an attribute as it is. ctime and
 * the change attribute are always updated by a setattr that changes anything. A size change truncates or extends
 * (with a hole) the file.
 */
public record SetAttributes(Integer mode, Integer uid, Integer gid, Long size, Instant atime, Instant mtime) {
    /** Nothing to change. */
    public static final SetAttributes NONE = new SetAttributes(null, null, null, null, null, null);

    public SetAttributes withMode(int m) {
        return new SetAttributes(m, uid, gid, size, atime, mtime);
    }

    public SetAttributes withOwner(int u, int g) {
        return new SetAttributes(mode, u, g, size, atime, mtime);
    }

    public SetAttributes withUid(int u) {
        return new SetAttributes(mode, u, gid, size, atime, mtime);
    }

    public SetAttributes withGid(int g) {
        return new SetAttributes(mode, uid, g, size, atime, mtime);
    }

    public SetAttributes withSize(long s) {
        return new SetAttributes(mode, uid, gid, s, atime, mtime);
    }

    public SetAttributes withAtime(Instant t) {
        return new SetAttributes(mode, uid, gid, size, t, mtime);
    }

    public SetAttributes withMtime(Instant t) {
        return new SetAttributes(mode, uid, gid, size, atime, t);
    }
}
