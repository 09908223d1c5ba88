package org.gfspnfs.gfs.impl;

import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockName;

/**
 * Thrown (before anything is modified) when an operation needs a glock out of order and could not get it at once:
 * the operation drops all its glocks and runs again, taking this one together with the others in order.
 */
final class Restart extends RuntimeException {
    final LockName name;
    final LockMode mode;

    Restart(LockName name, LockMode mode) {
        super(null, null, false, false);
        this.name = name;
        this.mode = mode;
    }
}
