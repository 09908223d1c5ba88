package org.gfspnfs.nfs41.state;

import org.gfspnfs.nfs41.vfs.Inode;

/**
 * A delegation of one file to one client (RFC 8881 section 10.4). A read delegation lets the client open and read
 * the file without asking until the server recalls it (CB_RECALL) because another client wants to change the file;
 * a write delegation also lets it write, and is recalled when any other client wants the file at all.
 */
public final class DelegationState extends State {
    private final byte[] fileHandle;
    private final boolean write;
    /** Written under the StateManager's monitor; volatile for {@link #recalled()}, read without it. */
    private volatile long recallSentMillis;
    private boolean revoked;

    DelegationState(StateId id, OwnerKey owner, Inode inode, byte[] fileHandle, boolean write) {
        super(id, StateType.DELEGATION, owner, inode);
        this.fileHandle = fileHandle.clone();
        this.write = write;
    }

    /** Whether this is a write delegation (OPEN_DELEGATE_WRITE) rather than a read one. */
    public boolean write() {
        return write;
    }

    /** The handle the client knows the file by, for CB_RECALL. */
    public byte[] fileHandle() {
        return fileHandle.clone();
    }

    /** Whether the server has sent CB_RECALL for it. */
    public boolean recalled() {
        return recallSentMillis != 0;
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
