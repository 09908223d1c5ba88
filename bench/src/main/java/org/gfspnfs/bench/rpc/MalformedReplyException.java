package org.gfspnfs.bench.rpc;

/** A reply whose XDR does not hold what it announces: the call it answers fails with this. */
public final class MalformedReplyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedReplyException(String message) {
        super(message);
    }
}
