package org.gfspnfs.mds.layout;

import java.time.Duration;

/**
 * Settings of the files layout, with units. {@code stripeUnit}: bytes per stripe unit (default 1 MiB; a multiple of
 * the filesystem block size so no block is shared by two data servers). {@code allocationChunk}: bytes of unwritten
 * extents the MDS allocates at once when a data server writes into a hole (default 64 MiB; see LAYOUT.md).
 * {@code recallTimeout}: how long a client has to return a recalled layout before it is revoked (default 30 s).
 * {@code mdsThreshold}: files smaller than this are best read and written through the MDS, told to clients in the
 * mdsthreshold attribute (default one stripe unit: such a file lives on one data server, so a layout gives it no
 * parallelism and costs it a LAYOUTGET, a LAYOUTCOMMIT and a LAYOUTRETURN; 0: no hint, every file through layouts).
 */
public record FilesLayoutConfig(int stripeUnit, long allocationChunk, Duration recallTimeout, long mdsThreshold) {
    public static final int DEFAULT_STRIPE_UNIT = 1 << 20;
    public static final long DEFAULT_ALLOCATION_CHUNK = 64L << 20;
    public static final Duration DEFAULT_RECALL_TIMEOUT = Duration.ofSeconds(30);

    public FilesLayoutConfig {
        if (stripeUnit <= 0 || stripeUnit % 4096 != 0) {
            throw new IllegalArgumentException("stripe unit must be a positive multiple of 4096: " + stripeUnit);
        }
        if (allocationChunk < stripeUnit || allocationChunk % stripeUnit != 0) {
            throw new IllegalArgumentException("allocation chunk must be a multiple of the stripe unit");
        }
        if (recallTimeout.isNegative() || recallTimeout.isZero()) {
            throw new IllegalArgumentException("recall timeout must be positive");
        }
        if (mdsThreshold < 0) {
            throw new IllegalArgumentException("MDS threshold must not be negative: " + mdsThreshold);
        }
    }

    public static FilesLayoutConfig defaults() {
        return new FilesLayoutConfig(DEFAULT_STRIPE_UNIT, DEFAULT_ALLOCATION_CHUNK, DEFAULT_RECALL_TIMEOUT,
                DEFAULT_STRIPE_UNIT);
    }

    public FilesLayoutConfig withStripeUnit(int unit) {
        return new FilesLayoutConfig(unit, Math.max(allocationChunk - allocationChunk % unit, unit), recallTimeout,
                mdsThreshold);
    }

    public FilesLayoutConfig withAllocationChunk(long chunk) {
        return new FilesLayoutConfig(stripeUnit, chunk, recallTimeout, mdsThreshold);
    }

    public FilesLayoutConfig withRecallTimeout(Duration timeout) {
        return new FilesLayoutConfig(stripeUnit, allocationChunk, timeout, mdsThreshold);
    }

    public FilesLayoutConfig withMdsThreshold(long bytes) {
        return new FilesLayoutConfig(stripeUnit, allocationChunk, recallTimeout, bytes);
    }
}
