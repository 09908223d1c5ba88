package org.gfspnfs.gfs.lock;

import java.util.Objects;

/**
 * A glock's name: type plus number, exactly what becomes the DLM resource name. Ordered by type then number, which
 * is the order in which an operation acquires several glocks (deadlock avoidance across nodes).
 */
public record LockName(LockType type, long number) implements Comparable<LockName> {
    public LockName {
        Objects.requireNonNull(type, "type");
    }

    /** GFS2's DLM resource name: type as 8 hex digits right-aligned, then number as 16 hex digits. */
    public String resourceName() {
        char[] c = new char[24];
        hex(c, 0, 8, type.code() & 0xffffffffL);
        hex(c, 8, 16, number);
        return new String(c);
    }

    /**
     * {@code v} in lower-case hex, right-aligned in {@code width} characters from {@code from}, spaces in front: what
     * "%8x" and "%16x" print, without a Formatter (every lock request on a new inode names its resource).
     */
    private static void hex(char[] c, int from, int width, long v) {
        int i = from + width;
        do {
            c[--i] = Character.forDigit((int) (v & 0xf), 16);
            v >>>= 4;
        } while (v != 0);
        while (i > from) {
            c[--i] = ' ';
        }
    }

    /** Spelled out: glock maps look names up on every inode an operation touches. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LockName n && n.number == number && n.type == type;
    }

    /** The number's bits mixed (inode numbers are block addresses, often close together), then the type. */
    @Override
    public int hashCode() {
        long h = number * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) + 31 * type.ordinal();
    }

    @Override
    public int compareTo(LockName o) {
        int c = Integer.compare(type.ordinal(), o.type.ordinal());
        return c != 0 ? c : Long.compareUnsigned(number, o.number);
    }

    @Override
    public String toString() {
        return type + ":" + number;
    }
}
