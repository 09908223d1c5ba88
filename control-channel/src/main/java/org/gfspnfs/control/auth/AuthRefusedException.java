package org.gfspnfs.control.auth;

import org.dcache.oncrpc4j.rpc.RpcAuthStat;

/**
 * A call that fails authentication. Carries the RFC 5531 auth_stat the server answers with
 * (MSG_DENIED / AUTH_ERROR); the message is for the server's log only and never goes on the wire.
 */
public final class AuthRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int authStat;

    public AuthRefusedException(int authStat, String message) {
        super(message);
        this.authStat = authStat;
    }

    public int authStat() {
        return authStat;
    }

    public String authStatName() {
        return RpcAuthStat.toString(authStat);
    }
}
