package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * Bounded decoding: every variable length read from the wire is checked against the protocol's limit before
 * anything is allocated, so a malicious length costs the server nothing (RFC 5662 gives the limits).
 */
public final class XdrBounds {
    /** NFS4_OPAQUE_LIMIT. */
    public static final int OPAQUE_LIMIT = 1024;
    /** NFS4_FHSIZE. */
    public static final int FH_SIZE = 128;
    /** Longest component name we accept (RFC 8881 lets the server choose; Linux NAME_MAX is 255 bytes). */
    public static final int NAME_LIMIT = 1024;
    /** Longest path (symlink text). */
    public static final int PATH_LIMIT = 4096;
    /** Largest READ/WRITE payload we accept in one operation. */
    public static final int DATA_LIMIT = 4 << 20;
    /** Longest bitmap4 (attribute numbers up to 32*8). */
    public static final int BITMAP_WORDS = 8;
    /** Most operations in one COMPOUND before NFS4ERR_TOO_MANY_OPS. */
    public static final int MAX_OPS = 128;
    /** Largest fattr4 attr_vals blob. */
    public static final int ATTR_VALS_LIMIT = 64 << 10;
    /** Largest layout or device address body. */
    public static final int OPAQUE_BODY = 64 << 10;

    private XdrBounds() {
    }

    /** A length or count, rejected before allocation if negative or above {@code max}. */
    public static int count(XdrDecodingStream xdr, int max) throws IOException {
        int n = xdr.xdrDecodeInt();
        if (n < 0 || n > max) {
            throw new BadXdrLengthException(n, max);
        }
        return n;
    }

    public static byte[] opaque(XdrDecodingStream xdr, int max) throws IOException {
        int n = count(xdr, max);
        return n == 0 ? new byte[0] : xdr.xdrDecodeOpaque(n);
    }

    public static byte[] fixed(XdrDecodingStream xdr, int len) throws IOException {
        return xdr.xdrDecodeOpaque(len);
    }

    public static String utf8(XdrDecodingStream xdr, int max) throws IOException {
        return new String(opaque(xdr, max), StandardCharsets.UTF_8);
    }

    public static void utf8(XdrEncodingStream xdr, String s) {
        xdr.xdrEncodeDynamicOpaque(s.getBytes(StandardCharsets.UTF_8));
    }

    public static int[] bitmap(XdrDecodingStream xdr) throws IOException {
        int n = count(xdr, BITMAP_WORDS);
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            words[i] = xdr.xdrDecodeInt();
        }
        return words;
    }

    /** Decodes an XDR boolean strictly: anything but 0 or 1 is garbage. */
    public static boolean bool(XdrDecodingStream xdr) throws IOException {
        int v = xdr.xdrDecodeInt();
        if (v != 0 && v != 1) {
            throw new BadXdrLengthException(v, 1);
        }
        return v == 1;
    }

    /** Thrown when a length or discriminant is out of range. */
    public static final class BadXdrLengthException extends OncRpcException {
        private static final long serialVersionUID = 1L;

        public BadXdrLengthException(int got, int max) {
            super("XDR length/value " + got + " out of range (max " + max + ")");
        }
    }
}
