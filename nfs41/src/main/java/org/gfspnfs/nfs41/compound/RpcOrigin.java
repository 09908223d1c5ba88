package org.gfspnfs.nfs41.compound;

import java.net.InetSocketAddress;

import org.dcache.oncrpc4j.rpc.RpcTransport;

/**
 * Who sent a COMPOUND and over which connection: the RPC credential (AUTH_SYS uid/gid/gids, or AUTH_NONE) and the
 * transport, which sessions remember as a fore channel and, when bound, as the backchannel.
 */
public record RpcOrigin(int flavor, int uid, int gid, int[] gids, InetSocketAddress remote,
                        RpcTransport transport) {
    public static final int AUTH_NONE = 0;
    public static final int AUTH_SYS = 1;

    /** A principal string used to tie a client id to the credential that created it (RFC 8881 2.4.3). */
    public String principal() {
        return flavor == AUTH_SYS ? "sys:" + uid : "none";
    }
}
