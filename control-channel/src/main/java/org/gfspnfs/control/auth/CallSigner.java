package org.gfspnfs.control.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

import javax.security.auth.Subject;

import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthType;
import org.dcache.oncrpc4j.rpc.RpcAuthVerifier;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * The caller's side of AUTH_GFS_HMAC: signs one call (procedure + exact argument bytes) with the cluster key and
 * returns the credential/verifier pair oncrpc4j writes into the call header: credential AUTH_NONE, verifier
 * {@link HmacVerifier#FLAVOR}.
 */
public final class CallSigner {
    private final ClusterKey key;
    private final String caller;
    private final Clock clock;
    private final SecureRandom random;

    public CallSigner(ClusterKey key, String caller, Clock clock, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.caller = caller.length() > HmacVerifier.MAX_CALLER ? caller.substring(0, HmacVerifier.MAX_CALLER)
                : caller;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public RpcAuth sign(int program, int version, int procedure, byte[] args) {
        byte[] nonce = new byte[HmacVerifier.NONCE_SIZE];
        random.nextBytes(nonce);
        long now = clock.millis();
        byte[] mac = HmacVerifier.computeMac(key, program, version, procedure, now, nonce, caller, args);
        return new SignedAuth(new HmacVerifier(now, nonce, caller, mac).encode());
    }

    /** AUTH_NONE credential carrying the HMAC verifier; only ever encoded. */
    private static final class SignedAuth implements RpcAuth {
        private final RpcAuthVerifier verifier;

        SignedAuth(byte[] verifierBody) {
            verifier = new RpcAuthVerifier(HmacVerifier.FLAVOR, verifierBody);
        }

        @Override
        public int type() {
            return RpcAuthType.NONE;
        }

        @Override
        public RpcAuthVerifier getVerifier() {
            return verifier;
        }

        @Override
        public Subject getSubject() {
            return new Subject();
        }

        @Override
        public void xdrEncode(XdrEncodingStream out) throws java.io.IOException {
            out.xdrEncodeInt(RpcAuthType.NONE);
            out.xdrEncodeDynamicOpaque(new byte[0]);
            verifier.xdrEncode(out);
        }

        @Override
        public void xdrDecode(XdrDecodingStream in) {
            throw new UnsupportedOperationException("client-side credential");
        }
    }
}
