package org.gfspnfs.nfs41.state;

import org.gfspnfs.nfs41.vfs.Inode;

/**
 * A read delegation of one file to one client (RFC 8881 section 10.4): the client may open and read the file
 * without asking until the server recalls it (CB_RECALL) because another client wants to change the file.
 */
public final class DelegationState extends State {
    private final byte[] fileHandle;
    private long recallSentMillis;
    private boolean revoked;

    DelegationState(StateId id, OwnerKey owner, Inode inode, byte[] fileHandle) {
        super(id, StateType.DELEGATION, owner, inode);
        this.fileHandle = fileHandle.clone();
    }

    /** The handle the client knows the file by, for CB_RECALL. */
    public byte[] fileHandle() {
        return fileHandle.clone();
    }

    /** When the recall was sent (0 if not recalled). Guarded by the StateManager. */
    long recallSentMillis() {
        return recallSentMillis;
    }

    void recallSent(long millis) {
        recallSentMillis = millis;
    }

    /** A revoked delegation stays known (NFS4ERR_DELEG_REVOKED) until the client frees it (FREE_STATEID). */
    boolean revoked() {
        return revoked;
    }

    void markRevoked() {
        revoked = true;
    }
}
