package org.gfspnfs.gfs.lock;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One node's membership in a filesystem's lockspace. The node holds at most one lock per {@link LockName} and
 * converts it between modes (GFS2: one DLM lock per glock).
 */
public interface LockSession extends AutoCloseable {

    /**
     * Requests, converts or (with {@link LockMode#UN}) releases this node's lock on {@code name}. Down-conversions
     * from EX store {@code lvb} (if not null) as the new value block. The future completes with the grant, or
     * exceptionally with {@link LockUnavailableException} for a failed {@link LockFlag#TRY}.
     */
    CompletableFuture<LockGrant> request(LockName name, LockMode mode, Set<LockFlag> flags, byte[] lvb);

    /**
     * The journal of dead node slot {@code nodeSlot} has been replayed (GFS2 {@code lm_recovery_result}): the locks
     * it held may be granted again, with their value blocks marked invalid.
     */
    void recoveryDone(int nodeSlot);

    /** The journal/node slot this session belongs to. */
    int nodeSlot();

    /**
     * Leaves the lockspace. After an orderly unmount the node holds nothing. A session closed while still holding
     * locks is a dead node: its shared locks go, its exclusive ones stay held until {@link #recoveryDone} for its
     * slot (only {@link LockFlag#NOEXP} requests pass them), and the other nodes get
     * {@link BlockingCallback#recoveryNeeded}.
     */
    @Override
    void close();
}
