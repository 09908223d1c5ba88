package org.gfspnfs.nfs41.ops;

import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.PermException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.Caller;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.SetAttributes;
import org.gfspnfs.nfs41.vfs.Stat;

/** POSIX rules for attribute changes (chown(2), chmod(2), utimensat(2), truncate(2)). */
final class Permissions {
    private Permissions() {
    }

    static void checkSetattr(CompoundContext ctx, Inode inode, Stat st, SetAttributes a, Caller c)
            throws NfsException {
        boolean owner = c.isRoot() || c.uid() == st.uid();
        if (a.uid() != null && a.uid() != st.uid() && !c.isRoot()) {
            throw new PermException("only root changes owners");
        }
        if (a.gid() != null && a.gid() != st.gid() && !(c.isRoot() || owner && c.inGroup(a.gid()))) {
            throw new PermException("not allowed to change the group");
        }
        if (a.mode() != null && !owner) {
            throw new PermException("only the owner changes the mode");
        }
        boolean clientTime = (a.atime() != null && !a.atime().serverTime())
                || (a.mtime() != null && !a.mtime().serverTime());
        if (clientTime && !owner) {
            throw new PermException("only the owner sets explicit times");
        }
        boolean anyTime = a.atime() != null || a.mtime() != null;
        // The owner may truncate and touch its own file (it opened it for writing, perhaps with mode 0444).
        if ((a.size() != null || anyTime) && !owner) {
            Files.require(ctx, inode, Access.MODIFY);
        }
    }
}
