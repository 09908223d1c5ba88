package org.gfspnfs.node.daemon;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.client.StateidVerdictCache;
import org.gfspnfs.control.spi.StateidAuthority;
import org.gfspnfs.mds.layout.DataServerStateCheck;
import org.gfspnfs.nfs41.state.StateId;

/**
 * The MDS's answer to "is this stateid valid for I/O on this file?" (RFC 8881 section 13.9.1: the MDS and its
 * storage devices must agree on stateid validity), in the control channel's terms. The same object answers the
 * VALIDATE_STATEID procedure for data servers in other processes and, as a {@link StateidVerdictCache.Authority},
 * the data servers of this process directly.
 *
 * <p>Verdicts are never cacheable ({@code cacheFor} 0): the layout table is checked on every call, so a recall
 * timeout or an eviction takes effect on the next I/O without a revocation message having to arrive first.
 */
final class MdsStateidAuthority implements StateidAuthority, StateidVerdictCache.Authority {
    private final DataServerStateCheck check;

    MdsStateidAuthority(DataServerStateCheck check) {
        this.check = check;
    }

    @Override
    public StateidVerdict validate(StateidQuery q) {
        ByteBuffer b = ByteBuffer.wrap(q.stateid());
        int seqid = b.getInt();
        byte[] other = new byte[12];
        b.get(other);
        DataServerStateCheck.Verdict v = check.check(q.fileHandle(), StateId.of(seqid, other),
                q.access() == StateAccess.WRITE);
        return new StateidVerdict(toVerdict(v.result()), Duration.ZERO, v.clientId());
    }

    static StateidVerdict.Verdict toVerdict(DataServerStateCheck.Result r) {
        return switch (r) {
            case VALID -> StateidVerdict.Verdict.VALID;
            case BAD_STATEID -> StateidVerdict.Verdict.BAD_STATEID;
            case EXPIRED -> StateidVerdict.Verdict.EXPIRED;
            case ADMIN_REVOKED -> StateidVerdict.Verdict.ADMIN_REVOKED;
            // A WRITE under a read-only open or layout: the data server answers NFS4ERR_ACCESS.
            case OPEN_MODE -> StateidVerdict.Verdict.ACCESS_DENIED;
        };
    }
}
