package org.gfspnfs.control.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthStat;
import org.dcache.oncrpc4j.rpc.RpcAuthVerifier;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.gfspnfs.control.xdr.XdrFormatException;

/**
 * The server's side of AUTH_GFS_HMAC: checks a call's verifier before any procedure runs or any argument is decoded.
 * Answers map to RFC 5531 auth_stat values:
 * <ul>
 *   <li>no HMAC verifier (AUTH_NONE/AUTH_SYS without our verifier): AUTH_TOOWEAK;</li>
 *   <li>verifier that does not decode: AUTH_BADVERF;</li>
 *   <li>wrong MAC (wrong key, altered call): AUTH_BADVERF;</li>
 *   <li>timestamp outside the window, or a nonce seen before: AUTH_REJECTEDVERF.</li>
 * </ul>
 */
public final class CallAuthenticator {
    /** Default tolerated clock difference between caller and server. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    private static final int REPLAY_CAPACITY = 1 << 20;

    private final ClusterKey key;
    private final Clock clock;
    private final Duration window;
    private final ReplayGuard replays;

    public CallAuthenticator(ClusterKey key, Clock clock, Duration window) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        this.replays = new ReplayGuard(window.multipliedBy(2), REPLAY_CAPACITY);
    }

    /**
     * Authenticates {@code call} whose undecoded argument bytes are {@code args}; returns the caller name it signed.
     */
    public String authenticate(RpcCall call, byte[] args) throws AuthRefusedException {
        RpcAuth credential = call.getCredential();
        RpcAuthVerifier verf = credential.getVerifier();
        if (verf == null || verf.getType() != HmacVerifier.FLAVOR) {
            throw new AuthRefusedException(RpcAuthStat.AUTH_TOOWEAK, "call without cluster-key verifier");
        }
        HmacVerifier v;
        try {
            v = HmacVerifier.decode(verf.getBody());
        } catch (XdrFormatException e) {
            throw new AuthRefusedException(RpcAuthStat.AUTH_BADVERF, "malformed verifier: " + e.getMessage());
        }
        byte[] expected = HmacVerifier.computeMac(key, call.getProgram(), call.getProgramVersion(),
                call.getProcedure(), v.timestampMillis(), v.nonce(), v.caller(), args);
        if (!v.macMatches(expected)) {
            throw new AuthRefusedException(RpcAuthStat.AUTH_BADVERF, "wrong MAC from '" + v.caller()
                    + "' (wrong cluster key or altered call)");
        }
        long now = clock.millis();
        if (Math.abs(now - v.timestampMillis()) > window.toMillis()) {
            throw new AuthRefusedException(RpcAuthStat.AUTH_REJECTEDVERF, "timestamp of '" + v.caller() + "' is "
                    + (now - v.timestampMillis()) + " ms off (window " + window.toMillis() + " ms)");
        }
        if (!replays.firstUse(v.nonce(), now)) {
            throw new AuthRefusedException(RpcAuthStat.AUTH_REJECTEDVERF, "replayed nonce from '" + v.caller() + "'");
        }
        return v.caller();
    }

    /** Nonces currently remembered (for tests and metrics). */
    public int rememberedNonces() {
        return replays.size();
    }
}
