package org.gfspnfs.nfs41.pnfs;

/**
 * Life cycle of one client's layout on one file (RFC 8881 section 12.5): granted, being recalled
 * (CB_LAYOUTRECALL sent, LAYOUTGET answers RECALLCONFLICT until the client returns), or revoked (the recall timed
 * out or a data server is gone; I/O under it is refused with NFS4ERR_ADMIN_REVOKED until a new LAYOUTGET).
 */
public enum LayoutState {
    GRANTED, RECALLING, REVOKED;

    /** Whether the transition is allowed: a revoked layout only ends (it is replaced by a fresh grant). */
    public boolean canMoveTo(LayoutState next) {
        return switch (this) {
            case GRANTED -> next == RECALLING || next == REVOKED;
            case RECALLING -> next == GRANTED || next == REVOKED;
            case REVOKED -> false;
        };
    }
}
