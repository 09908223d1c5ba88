package org.gfspnfs.ds;

import java.nio.ByteBuffer;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.client.NodeCallException;
import org.gfspnfs.control.client.StateidVerdictCache;
import org.gfspnfs.nfs41.pnfs.StateidValidator;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.AccessDeniedException;
import org.gfspnfs.nfs41.status.AdminRevokedException;
import org.gfspnfs.nfs41.status.BadStateidException;
import org.gfspnfs.nfs41.status.DelayException;
import org.gfspnfs.nfs41.status.ExpiredException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.OldStateidException;
import org.gfspnfs.nfs41.status.OpenModeException;

/**
 * The data server's {@link StateidValidator}: asks the MDS through a {@link StateidVerdictCache} (cached answers,
 * dropped on REVOKE_STATE) and turns a refusal into the status RFC 8881 prescribes (section 15.1.5): unknown
 * BAD_STATEID, older seqid OLD_STATEID, client gone EXPIRED, layout revoked ADMIN_REVOKED, write under a read-only
 * open OPENMODE. An MDS that cannot be asked right now is NFS4ERR_DELAY: the client retries instead of failing.
 */
public final class VerdictStateidValidator implements StateidValidator {
    private final StateidVerdictCache verdicts;

    public VerdictStateidValidator(StateidVerdictCache verdicts) {
        this.verdicts = verdicts;
    }

    @Override
    public void validate(byte[] mdsFileHandle, StateId stateid, boolean write) throws NfsException {
        byte[] raw = ByteBuffer.allocate(StateidQuery.STATEID_SIZE).putInt(stateid.seqid()).put(stateid.other())
                .array();
        StateidVerdict v;
        try {
            v = verdicts.validate(new StateidQuery(raw, mdsFileHandle, write ? StateAccess.WRITE : StateAccess.READ));
        } catch (NodeCallException | ControlException e) {
            throw new DelayException("cannot validate the stateid with the MDS: " + e.getMessage(), e);
        }
        switch (v.verdict()) {
            case VALID -> {
                return;
            }
            case OLD_STATEID -> throw new OldStateidException("older seqid than the MDS's");
            case EXPIRED -> throw new ExpiredException("client " + v.clientId() + " lost its state on the MDS");
            case ADMIN_REVOKED -> throw new AdminRevokedException("layout revoked by the MDS");
            case ACCESS_DENIED -> throw new OpenModeException("no write open or READ_WRITE layout");
            case WRONG_FILE, BAD_STATEID -> throw new BadStateidException("the MDS does not know this stateid here");
            default -> throw new AccessDeniedException("verdict " + v.verdict());
        }
    }
}
