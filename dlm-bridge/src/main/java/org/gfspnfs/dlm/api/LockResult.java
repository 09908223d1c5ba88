package org.gfspnfs.dlm.api;

/**
 * The completion of a lock request or conversion (Linux: the completion AST and its lksb).
 *
 * @param status      how it ended
 * @param grantedMode the mode the lock holds now (null if it holds none)
 * @param valueBlock  the LVB copy handed out on grant when {@link LockFlag#VALBLK} was asked; else null
 * @param demoted     true if CONVDEADLK demoted the granted mode to NL to break a conversion deadlock
 */
public record LockResult(LockStatus status, LockMode grantedMode, LockValueBlock valueBlock, boolean demoted) {
    public boolean granted() {
        return status == LockStatus.GRANTED;
    }
}
