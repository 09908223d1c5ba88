package org.gfspnfs.mds.layout;

/**
 * The striping of a files layout (RFC 8881 section 13.4): stripe unit {@code unit} bytes, round robin over
 * {@code width} data servers from stripe index 0 at pattern offset 0, SPARSE packing (13.4.4): the offset a data
 * server is addressed with is the file offset itself, so every data server writes the same gfs file at the real
 * offsets and no translation exists anywhere on the data path.
 */
public record StripePattern(int unit, int width) {
    public StripePattern {
        if (unit <= 0 || unit % 64 != 0) {
            throw new IllegalArgumentException("stripe unit must be a positive multiple of 64, got " + unit);
        }
        if (width <= 0) {
            throw new IllegalArgumentException("stripe width must be positive, got " + width);
        }
    }

    /** The stripe unit number of a file offset. */
    public long stripeNumber(long offset) {
        return offset / unit;
    }

    /** Index into the device's stripe list of the data server holding {@code offset}. */
    public int dataServerIndex(long offset) {
        return (int) (stripeNumber(offset) % width);
    }

    /** Sparse packing: the offset sent to the data server is the file offset. */
    public long dataServerOffset(long offset) {
        return offset;
    }

    /** Start of the stripe unit holding {@code offset}. */
    public long stripeStart(long offset) {
        return stripeNumber(offset) * unit;
    }

    /** How many bytes from {@code offset} stay on the same data server (to the end of its stripe unit). */
    public long bytesToStripeEnd(long offset) {
        return stripeStart(offset) + unit - offset;
    }
}
