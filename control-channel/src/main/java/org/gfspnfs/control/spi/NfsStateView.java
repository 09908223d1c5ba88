package org.gfspnfs.control.spi;

import java.util.List;

import org.gfspnfs.control.api.ClientInfo;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.DelegationInfo;
import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LayoutInfo;
import org.gfspnfs.control.api.OpenInfo;
import org.gfspnfs.control.api.SessionInfo;

/**
 * Read side of nfs41/pnfs-mds: client records (RFC 8881 section 2.4), sessions (2.10), open state (9.1.4),
 * delegations (10.4) and layouts (12.5). Served by the node holding the MDS role; elsewhere throw
 * {@link org.gfspnfs.control.api.NotServedException}.
 */
public interface NfsStateView {
    List<ClientInfo> clients() throws ControlException;

    List<SessionInfo> sessions() throws ControlException;

    List<OpenInfo> opens() throws ControlException;

    /** Delegations granted (RFC 8881 section 10.4), in stateid order; revoked ones are not listed. */
    List<DelegationInfo> delegations() throws ControlException;

    List<LayoutInfo> layouts(LayoutFilter filter) throws ControlException;
}
