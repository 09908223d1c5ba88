package org.gfspnfs.control.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The shared secret named by cluster.conf (like corosync's authkey): the key file's bytes, used as the HMAC-SHA256
 * key of every control-channel call. Never printed; {@link #fingerprint()} identifies it in messages.
 */
public final class ClusterKey {
    /** Shorter keys are refused: HMAC-SHA256 wants at least 128 bits of secret. */
    public static final int MIN_LENGTH = 16;

    private final byte[] secret;

    private ClusterKey(byte[] secret) {
        if (secret.length < MIN_LENGTH) {
            throw new IllegalArgumentException("cluster key must be at least " + MIN_LENGTH + " bytes, got "
                    + secret.length);
        }
        this.secret = secret.clone();
    }

    public static ClusterKey of(byte[] secret) {
        return new ClusterKey(secret);
    }

    /**
     * Reads a key file. The whole content is the key; a trailing newline that an editor added is part of it on every
     * node alike, since all nodes read the same file.
     */
    public static ClusterKey read(Path file) throws IOException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < MIN_LENGTH) {
                throw new IOException("key file " + file + " holds " + bytes.length + " bytes; at least "
                        + MIN_LENGTH + " are needed");
            }
            return new ClusterKey(bytes);
        } catch (NoSuchFileException e) {
            throw new IOException("key file " + file + " does not exist", e);
        }
    }

    byte[] secret() {
        return secret.clone();
    }

    /** First 8 hex digits of SHA-256(key): tells keys apart in messages without revealing them. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterKey k && MessageDigest.isEqual(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "ClusterKey[" + fingerprint() + "]";
    }
}
