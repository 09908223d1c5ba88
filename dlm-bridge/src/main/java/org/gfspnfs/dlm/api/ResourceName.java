package org.gfspnfs.dlm.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** The name of a DLM resource: up to {@value #MAX_LENGTH} opaque bytes (DLM_RESNAME_MAXLEN). */
public final class ResourceName {
    /** Maximum length of a resource name in bytes. */
    public static final int MAX_LENGTH = 64;
    private final byte[] bytes;
    private final int hash;

    private ResourceName(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("resource name must have 1.." + MAX_LENGTH + " bytes, has "
                    + bytes.length);
        }
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static ResourceName of(byte[] bytes) {
        return new ResourceName(bytes.clone());
    }

    public static ResourceName of(String name) {
        return new ResourceName(name.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Copies the name into {@code dst} at {@code offset} (for encoders, avoids a clone). */
    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }

    /** A hash that is the same on every node (used to pick the directory node). */
    public int stableHash() {
        int h = 0x811c9dc5;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x01000193;
        }
        return h & 0x7fffffff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceName other && other.hash == hash && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return "0x" + HexFormat.of().formatHex(bytes);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
