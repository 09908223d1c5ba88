package org.gfspnfs.gfs.lock;

/**
 * The result of a granted request.
 *
 * @param name     the lock
 * @param mode     the mode now held
 * @param lvb      copy of the lock value block ({@link LockModule#LVB_SIZE} bytes)
 * @param lvbValid false if the last node that held the lock in EX died before writing the LVB (DLM
 *                 DLM_SBF_VALNOTVALID): the holder must recompute the value from disk
 */
public record LockGrant(LockName name, LockMode mode, byte[] lvb, boolean lvbValid) {
}
