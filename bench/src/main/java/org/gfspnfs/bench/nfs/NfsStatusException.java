package org.gfspnfs.bench.nfs;

import java.io.IOException;

import org.gfspnfs.nfs41.status.NfsStat;

/**
 * A COMPOUND that came back with an error (RFC 8881 section 15.2: the reply's status is the status of the first
 * operation that failed). Carries the status and the operation, so a bench run names the exact protocol error the
 * server returned ("NFS4ERR_BAD_STATEID in WRITE").
 */
public final class NfsStatusException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int opnum;

    public NfsStatusException(int status, int opnum, String context) {
        super(NfsStat.name(status) + " in " + OpNames.name(opnum) + (context.isEmpty() ? "" : " (" + context + ")"));
        this.status = status;
        this.opnum = opnum;
    }

    /** The nfsstat4 the server returned. */
    public int status() {
        return status;
    }

    /** The operation that failed (the last result in the reply). */
    public int opnum() {
        return opnum;
    }
}
