package org.gfspnfs.control.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.control.xdr.XdrFormatException;
import org.gfspnfs.control.xdr.XdrReader;
import org.gfspnfs.control.xdr.XdrWriter;

/**
 * The AUTH_GFS_HMAC verifier body (PROTOCOL.md "Authentication"):
 * <pre>
 * struct gfs_hmac_verf {
 *     unsigned int version;      // 1
 *     hyper        timestamp_ms; // caller's clock
 *     opaque       nonce[16];    // random, never reused within the replay window
 *     string       caller&lt;64&gt;;  // who signs: node name or "gfsctl@host"
 *     opaque       mac[32];      // HMAC-SHA256(cluster key, signed input)
 * };
 * </pre>
 * The signed input binds the program, version, procedure, timestamp, nonce, caller and the exact argument bytes, so
 * a captured call cannot be replayed, redirected to another procedure or altered.
 */
public record HmacVerifier(long timestampMillis, byte[] nonce, String caller, byte[] mac) {
    /** The verifier flavor; not an IANA flavor, it is only meaningful to this program. */
    public static final int FLAVOR = 0x47464831;
    public static final int VERSION = 1;
    public static final int NONCE_SIZE = 16;
    public static final int MAC_SIZE = 32;
    public static final int MAX_CALLER = 64;
    private static final byte[] DOMAIN = "GFSCTL-HMAC-SHA256-1".getBytes(StandardCharsets.US_ASCII);

    /** Decodes a verifier body; any deviation from the struct is a malformed verifier. */
    public static HmacVerifier decode(byte[] body) throws XdrFormatException {
        Xdr xdr = new Xdr(body);
        xdr.beginDecoding();
        XdrReader in = new XdrReader(xdr);
        int version = in.int32();
        if (version != VERSION) {
            throw new XdrFormatException("unknown verifier version " + version);
        }
        HmacVerifier v = new HmacVerifier(in.hyper(), in.fixedOpaque(NONCE_SIZE), in.string(MAX_CALLER),
                in.fixedOpaque(MAC_SIZE));
        if (in.hasMore()) {
            throw new XdrFormatException("trailing bytes after verifier");
        }
        return v;
    }

    public byte[] encode() {
        try (Xdr xdr = new Xdr(128)) {
            xdr.beginEncoding();
            xdr.xdrEncodeInt(VERSION);
            xdr.xdrEncodeLong(timestampMillis);
            xdr.xdrEncodeOpaque(nonce, NONCE_SIZE);
            XdrWriter.string(xdr, caller);
            xdr.xdrEncodeOpaque(mac, MAC_SIZE);
            xdr.endEncoding();
            return xdr.getBytes();
        }
    }

    /** HMAC-SHA256 over the signed input of PROTOCOL.md. */
    static byte[] computeMac(ClusterKey key, int program, int version, int procedure, long timestampMillis,
                             byte[] nonce, String caller, byte[] args) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            byte[] callerBytes = caller.getBytes(StandardCharsets.UTF_8);
            mac.update(DOMAIN);
            mac.update(ints(program, version, procedure));
            mac.update(longBytes(timestampMillis));
            mac.update(nonce);
            mac.update(ints(callerBytes.length));
            mac.update(callerBytes);
            mac.update(args);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    boolean macMatches(byte[] expected) {
        return MessageDigest.isEqual(mac, expected);
    }

    private static byte[] ints(int... values) {
        byte[] out = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            out[i * 4] = (byte) (values[i] >>> 24);
            out[i * 4 + 1] = (byte) (values[i] >>> 16);
            out[i * 4 + 2] = (byte) (values[i] >>> 8);
            out[i * 4 + 3] = (byte) values[i];
        }
        return out;
    }

    private static byte[] longBytes(long v) {
        return ints((int) (v >>> 32), (int) v);
    }
}
