package org.gfspnfs.nfs41.state;

import java.util.HashSet;
import java.util.Set;

import org.gfspnfs.nfs41.vfs.Inode;

/**
 * An open of one file by one open-owner (RFC 8881 section 9.1): the union of share access and deny bits the
 * owner's OPENs asked for, and the lock states created under it.
 */
public final class OpenState extends State {
    /** OPEN4_SHARE_ACCESS_READ. */
    public static final int ACCESS_READ = 1;
    /** OPEN4_SHARE_ACCESS_WRITE. */
    public static final int ACCESS_WRITE = 2;
    public static final int ACCESS_BOTH = 3;

    private int access;
    private int deny;
    final Set<LockState> locks = new HashSet<>();

    OpenState(StateId id, OwnerKey owner, Inode inode, int access, int deny) {
        super(id, StateType.OPEN, owner, inode);
        this.access = access;
        this.deny = deny;
    }

    public int access() {
        return access;
    }

    public int deny() {
        return deny;
    }

    void set(int newAccess, int newDeny) {
        access = newAccess;
        deny = newDeny;
    }
}
