package org.gfspnfs.nfs41.state;

import org.gfspnfs.nfs41.status.DeniedException;

/**
 * A byte-range lock request conflicts with {@link #holder()}. The LOCK and LOCKT operations turn it into
 * NFS4ERR_DENIED with a LOCK4denied body; the state layer itself stays free of XDR.
 */
public class LockConflictException extends DeniedException {
    private static final long serialVersionUID = 1L;
    private final transient LockRange holder;

    public LockConflictException(LockRange holder) {
        super("conflicts with " + holder);
        this.holder = holder;
    }

    public LockRange holder() {
        return holder;
    }
}
