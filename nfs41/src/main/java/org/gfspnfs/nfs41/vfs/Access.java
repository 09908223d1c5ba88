package org.gfspnfs.nfs41.vfs;

/** ACCESS4 bits (RFC 8881 section 18.1). */
public final class Access {
    public static final int READ = 0x01;
    public static final int LOOKUP = 0x02;
    public static final int MODIFY = 0x04;
    public static final int EXTEND = 0x08;
    public static final int DELETE = 0x10;
    public static final int EXECUTE = 0x20;
    public static final int ALL = 0x3f;

    private Access() {
    }

    /**
     * The subset of {@code mask} that POSIX mode bits grant {@code caller} on a file with {@code stat}. Root gets
     * everything except EXECUTE on a file nobody can execute.
     */
    public static int fromMode(Stat stat, Caller caller, int mask) {
        int bits;
        if (caller.isRoot()) {
            bits = 07;
            if (stat.type() != FileType.DIRECTORY && (stat.mode() & 0111) == 0) {
                bits = 06;
            }
        } else if (caller.uid() == stat.uid()) {
            bits = (stat.mode() >> 6) & 07;
        } else if (caller.inGroup(stat.gid())) {
            bits = (stat.mode() >> 3) & 07;
        } else {
            bits = stat.mode() & 07;
        }
        int granted = 0;
        boolean dir = stat.type() == FileType.DIRECTORY;
        if ((bits & 04) != 0) {
            granted |= READ;
        }
        if ((bits & 02) != 0) {
            granted |= MODIFY | EXTEND | (dir ? DELETE : 0);
        }
        if ((bits & 01) != 0) {
            granted |= dir ? LOOKUP : EXECUTE;
        }
        return granted & mask;
    }
}
