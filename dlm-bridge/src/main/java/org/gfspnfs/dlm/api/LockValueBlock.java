package org.gfspnfs.dlm.api;

import java.util.Arrays;

/**
 * A copy of a resource's lock value block (LVB): a small byte array a PW/EX holder may write and that is handed to
 * every later grantee that asks for it ({@link LockFlag#VALBLK}). {@code valid} is false after the last PW/EX
 * holder died without writing it back (Linux: DLM_SBF_VALNOTVALID), until the next PW/EX holder writes it.
 */
public record LockValueBlock(byte[] value, boolean valid) {
    /** The maximum size, in bytes, of a value block. */
    public static final int MAX_LENGTH = 64;
    /** A value block nobody ever wrote: empty and valid. */
    public static final LockValueBlock EMPTY = new LockValueBlock(new byte[0], true);

    public LockValueBlock {
        if (value.length > MAX_LENGTH) {
            throw new IllegalArgumentException("value block longer than " + MAX_LENGTH + " bytes");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LockValueBlock other && other.valid == valid && Arrays.equals(other.value, value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value) * 31 + (valid ? 1 : 0);
    }

    @Override
    public String toString() {
        return "LVB[" + (valid ? "" : "INVALID ") + value.length + " bytes]";
    }
}
