package org.gfspnfs.nfs41.vfs;

import java.util.Arrays;

/**
 * The identity a request acts as, after the export's squashing rules (exports(5): root_squash, all_squash,
 * anonuid/anongid). The filesystem uses it for ownership of new files and permission checks.
 */
public final class Caller {
    private final int uid;
    private final int gid;
    private final int[] gids;

    public Caller(int uid, int gid, int[] gids) {
        this.uid = uid;
        this.gid = gid;
        this.gids = gids.clone();
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    public boolean inGroup(int g) {
        if (g == gid) {
            return true;
        }
        for (int x : gids) {
            if (x == g) {
                return true;
            }
        }
        return false;
    }

    public boolean isRoot() {
        return uid == 0;
    }

    @Override
    public String toString() {
        return "uid=" + uid + " gid=" + gid + " gids=" + Arrays.toString(gids);
    }
}
