package org.gfspnfs.dlm.lock;

import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockValueBlock;

/**
 * Where a {@link ResourceState} reports what happens to locks other than the one the current operation is about:
 * asynchronous grants (completion ASTs) and blocking notifications (blocking ASTs).
 */
public interface GrantSink {

    /** {@code lock} was granted {@code lock.granted()} from a queue. */
    void granted(MasterLock lock, LockValueBlock valueBlock, boolean demoted);

    /** {@code holder}'s granted mode blocks {@code requester}, which asks for {@code mode}. */
    void blocking(MasterLock holder, LockMode mode, MasterLock requester);
}
