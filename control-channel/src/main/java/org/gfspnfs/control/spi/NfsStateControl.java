package org.gfspnfs.control.spi;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.RecallTarget;

/**
 * Mutating side of pnfs-mds: recall layouts (CB_LAYOUTRECALL, RFC 8881 section 20.3) of a file or of a client, and
 * evict a client (purge its client record and all its state, as on lease expiry, section 8.3).
 */
public interface NfsStateControl {
    CommandOutcome recallLayouts(RecallTarget target) throws ControlException;

    CommandOutcome evictClient(long clientId) throws ControlException;
}
