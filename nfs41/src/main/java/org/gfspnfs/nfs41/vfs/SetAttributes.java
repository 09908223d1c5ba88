package org.gfspnfs.nfs41.vfs;

/**
 * Attributes to change in one SETATTR (or at OPEN/CREATE time). A null component is left unchanged. The
 * filesystem applies them as one update and advances the change attribute and ctime once.
 */
public record SetAttributes(Integer mode, Integer uid, Integer gid, Long size, TimeSetting atime,
                            TimeSetting mtime) {
    public static final SetAttributes NONE = new SetAttributes(null, null, null, null, null, null);

    public boolean isEmpty() {
        return mode == null && uid == null && gid == null && size == null && atime == null && mtime == null;
    }

    public SetAttributes withSize(Long newSize) {
        return new SetAttributes(mode, uid, gid, newSize, atime, mtime);
    }

    public SetAttributes withTimes(TimeSetting newAtime, TimeSetting newMtime) {
        return new SetAttributes(mode, uid, gid, size, newAtime, newMtime);
    }
}
