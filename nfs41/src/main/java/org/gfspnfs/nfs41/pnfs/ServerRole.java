package org.gfspnfs.nfs41.pnfs;

/**
 * The pNFS role a server instance plays (RFC 8881 section 13.1), announced in the EXCHANGE_ID flags:
 * EXCHGID4_FLAG_USE_NON_PNFS, USE_PNFS_MDS or USE_PNFS_DS.
 */
public enum ServerRole {
    /** A plain NFSv4.1 server. */
    NON_PNFS(0x00010000),
    /** Metadata server: hands out layouts and device addresses. */
    MDS(0x00020000),
    /** Data server: READ/WRITE/COMMIT on MDS file handles, stateids checked by a {@link StateidValidator}. */
    DS(0x00040000);

    private final int exchangeIdFlag;

    ServerRole(int flag) {
        this.exchangeIdFlag = flag;
    }

    public int exchangeIdFlag() {
        return exchangeIdFlag;
    }
}
