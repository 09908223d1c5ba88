package org.gfspnfs.nfs41.status;

import org.dcache.oncrpc4j.xdr.XdrAble;

/**
 * A failed operation, carrying the nfsstat4 the client gets (RFC 8881 section 15). Every status has its own
 * subclass; operations and SPI implementations throw them, and the compound executor is the one place that turns
 * them into a result. {@link Kind} decides how loudly the executor logs it.
 */
public class NfsException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, which decides the log level at the translation point. */
    public enum Kind {
        /** The server failed (ERROR). */
        SERVER,
        /** The client asked for something wrong or impossible (WARN/DEBUG). */
        CLIENT,
        /** The client's state is gone or not yet usable: STALE, EXPIRED, BADSESSION, DELAY, GRACE (INFO). */
        LOST_STATE
    }

    private final int status;
    private final Kind kind;
    private final transient XdrAble resultBody;

    protected NfsException(int status, Kind kind, String message) {
        this(status, kind, message, null, null);
    }

    protected NfsException(int status, Kind kind, String message, Throwable cause) {
        this(status, kind, message, cause, null);
    }

    /**
     * Only a SERVER failure records its stack trace (the executor logs it with the trace): a client's NOENT, EXIST or
     * BAD_STATEID is an answer, not a fault, and walking the stack for each cost more than answering it.
     */
    protected NfsException(int status, Kind kind, String message, Throwable cause, XdrAble resultBody) {
        super(message, cause, true, kind == Kind.SERVER);
        this.status = status;
        this.kind = kind;
        this.resultBody = resultBody;
    }

    /** The nfsstat4 to return. */
    public int status() {
        return status;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The body some operations return with an error status (LOCK and LOCKT return LOCK4denied with
     * NFS4ERR_DENIED; SETATTR returns its bitmap), or null for a void error result.
     */
    public XdrAble resultBody() {
        return resultBody;
    }
}
