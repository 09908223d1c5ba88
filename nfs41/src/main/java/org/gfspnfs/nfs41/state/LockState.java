package org.gfspnfs.nfs41.state;

import org.gfspnfs.nfs41.vfs.Inode;

/** The byte-range locks one lock-owner holds on one file, under one open (RFC 8881 section 9.1.4). */
public final class LockState extends State {
    private final OpenState open;

    LockState(StateId id, OwnerKey owner, Inode inode, OpenState open) {
        super(id, StateType.LOCK, owner, inode);
        this.open = open;
    }

    public OpenState open() {
        return open;
    }
}
