package org.gfspnfs.bench.nfs;

/**
 * Where a byte of a file lives under an NFSv4.1 files layout (RFC 8881 section 13.4): the stripe unit holding a
 * file offset, the stripe index j = (stripe unit number + nfl_first_stripe_index) mod stripe count, the data server
 * nflda_stripe_indices[j], the file handle (nfl_fh_list[j], or the only one when the list has one entry), and the
 * offset to address the data server with: the file offset itself for sparse packing (13.4.4), or the offset
 * inside that server's share of the stripes for dense packing.
 *
 * @param stripeUnit       stripe unit size in bytes (nfl_util4 with the flag bits masked off)
 * @param dense            NFL4_UFLG_DENSE
 * @param firstStripeIndex nfl_first_stripe_index
 * @param patternOffset    nfl_pattern_offset
 * @param stripeIndices    nflda_stripe_indices of the device (stripe index to data server index)
 * @param fhCount          entries in nfl_fh_list (1, or the stripe count)
 */
public record StripeMath(int stripeUnit, boolean dense, int firstStripeIndex, long patternOffset,
                         int[] stripeIndices, int fhCount) {
    /** nfl_util4 flag bits and the mask of the stripe unit size (RFC 8881 section 13.3). */
    public static final int NFL4_UFLG_DENSE = 0x1;
    public static final int NFL4_UFLG_COMMIT_THRU_MDS = 0x2;
    public static final int NFL4_UFLG_STRIPE_UNIT_SIZE_MASK = 0xFFFFFFC0;

    public StripeMath {
        if (stripeUnit <= 0) {
            throw new IllegalArgumentException("stripe unit must be positive, got " + stripeUnit);
        }
        if (stripeIndices.length == 0) {
            throw new IllegalArgumentException("a files-layout device has at least one stripe");
        }
        if (fhCount != 1 && fhCount != stripeIndices.length) {
            throw new IllegalArgumentException("nfl_fh_list has " + fhCount + " entries; RFC 8881 13.3 allows 1 or "
                    + "the stripe count " + stripeIndices.length);
        }
        if (firstStripeIndex < 0 || firstStripeIndex >= stripeIndices.length) {
            throw new IllegalArgumentException("nfl_first_stripe_index " + firstStripeIndex + " outside 0.."
                    + (stripeIndices.length - 1));
        }
    }

    /** From the layout's nfl_util4 word. */
    public static StripeMath of(int util, int firstStripeIndex, long patternOffset, int[] stripeIndices,
                                int fhCount) {
        return new StripeMath(util & NFL4_UFLG_STRIPE_UNIT_SIZE_MASK, (util & NFL4_UFLG_DENSE) != 0,
                firstStripeIndex, patternOffset, stripeIndices, fhCount);
    }

    public int stripeCount() {
        return stripeIndices.length;
    }

    private long relative(long fileOffset) {
        if (fileOffset < patternOffset) {
            throw new IllegalArgumentException("offset " + fileOffset + " before nfl_pattern_offset " + patternOffset);
        }
        return fileOffset - patternOffset;
    }

    /** The stripe unit number of a file offset. */
    public long stripeUnitNumber(long fileOffset) {
        return relative(fileOffset) / stripeUnit;
    }

    /** j: the index into the stripe indices (and into nfl_fh_list). */
    public int stripeIndex(long fileOffset) {
        return (int) ((stripeUnitNumber(fileOffset) + firstStripeIndex) % stripeIndices.length);
    }

    /** The index into the device's data server list (nflda_multipath_ds_list). */
    public int dataServer(long fileOffset) {
        return stripeIndices[stripeIndex(fileOffset)];
    }

    /** The index into nfl_fh_list of the handle to use for this offset. */
    public int fileHandle(long fileOffset) {
        return fhCount == 1 ? 0 : stripeIndex(fileOffset);
    }

    /** The offset to send to the data server. */
    public long dataServerOffset(long fileOffset) {
        if (!dense) {
            return fileOffset;
        }
        long rel = relative(fileOffset);
        long stripeWidth = (long) stripeUnit * stripeIndices.length;
        return rel / stripeWidth * stripeUnit + rel % stripeUnit;
    }

    /** Bytes from {@code fileOffset} to the end of its stripe unit (an I/O must not cross it). */
    public long bytesToStripeEnd(long fileOffset) {
        long rel = relative(fileOffset);
        return stripeUnit - rel % stripeUnit;
    }
}
