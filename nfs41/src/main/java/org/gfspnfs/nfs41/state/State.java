package org.gfspnfs.nfs41.state;

import org.gfspnfs.nfs41.vfs.Inode;

/** Common part of open, lock, delegation and layout state: identity, owner, file, and the seqid it is at. */
public abstract class State {
    private final StateId id;
    private final StateType type;
    private final OwnerKey owner;
    private final Inode inode;
    private int seqid = 1;

    State(StateId id, StateType type, OwnerKey owner, Inode inode) {
        this.id = id;
        this.type = type;
        this.owner = owner;
        this.inode = inode;
    }

    public StateType type() {
        return type;
    }

    public OwnerKey owner() {
        return owner;
    }

    public long clientId() {
        return owner.clientId();
    }

    public Inode inode() {
        return inode;
    }

    /** The current stateid, with the current seqid. */
    public StateId stateId() {
        return id.withSeqid(seqid);
    }

    long number() {
        return id.number();
    }

    int seqid() {
        return seqid;
    }

    /** Records a change to the state (upgrade, downgrade, lock change): the seqid advances (wrapping past 0). */
    void bump() {
        seqid = seqid == -1 ? 1 : seqid + 1;
    }
}
