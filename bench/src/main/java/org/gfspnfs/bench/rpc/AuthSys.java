package org.gfspnfs.bench.rpc;

import java.nio.charset.StandardCharsets;

import org.gfspnfs.nfs41.xdr.AuthSysParms4;
import org.gfspnfs.nfs41.xdr.XdrBytes;

/** AUTH_SYS credentials (RFC 5531 appendix A): encoded once, sent with every call. */
public final class AuthSys {
    static final int FLAVOR = 1;
    private static final int MAX_GIDS = 16;
    private static final int MAX_MACHINE = 255;

    private final byte[] body;

    public AuthSys(int uid, int gid, int[] gids, String machine) {
        if (gids.length > MAX_GIDS) {
            throw new IllegalArgumentException("AUTH_SYS carries at most " + MAX_GIDS + " groups, not " + gids.length);
        }
        if (machine.getBytes(StandardCharsets.UTF_8).length > MAX_MACHINE) {
            throw new IllegalArgumentException("AUTH_SYS machine name over " + MAX_MACHINE + " bytes: " + machine);
        }
        this.body = XdrBytes.encode(new AuthSysParms4(0, machine, uid, gid, gids.clone()));
    }

    /** The opaque body (authsys_parms: stamp, machine name, uid, gid, groups). */
    byte[] body() {
        return body;
    }
}
