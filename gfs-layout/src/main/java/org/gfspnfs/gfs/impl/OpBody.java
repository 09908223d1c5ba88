package org.gfspnfs.gfs.impl;

import org.gfspnfs.gfs.GfsException;

/** The body of one operation, run (and possibly re-run after a {@link Restart}) by the op runner. */
@FunctionalInterface
interface OpBody<T> {
    T run(Op op) throws GfsException;
}
