package org.gfspnfs.gfs.lock;

/** A {@link LockFlag#TRY} request could not be granted at once (DLM -EAGAIN). */
public class LockUnavailableException extends Exception {
    public LockUnavailableException(LockName name) {
        super("lock " + name + " is held incompatibly");
    }
}
