package org.gfspnfs.nfs41.ops;

import org.gfspnfs.nfs41.state.LockRange;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.Lock4Args;
import org.gfspnfs.nfs41.xdr.LockDenied4;
import org.gfspnfs.nfs41.xdr.StateOwner4;

/** Byte-range arguments of LOCK, LOCKT and LOCKU (RFC 8881 section 18.10.3) and the LOCK4denied reply. */
final class LockRanges {
    private LockRanges() {
    }

    /** The exclusive end of [offset, offset+length): length 0 is INVAL, all ones or past 2^63 means to EOF. */
    static long end(long offset, long length) throws NfsException {
        if (length == 0) {
            throw new InvalException("zero-length lock");
        }
        if (offset < 0) {
            throw new InvalException("lock offset beyond 2^63");
        }
        if (length != -1 && Long.compareUnsigned(length, -1L - offset) > 0) {
            throw new InvalException("lock range wraps past 2^64");
        }
        if (length == -1 || offset + length < 0) {
            return LockRange.TO_EOF;
        }
        return offset + length;
    }

    static boolean isWrite(int lockType) throws NfsException {
        return switch (lockType) {
            case Lock4Args.READ_LT, Lock4Args.READW_LT -> false;
            case Lock4Args.WRITE_LT, Lock4Args.WRITEW_LT -> true;
            default -> throw new InvalException("lock type " + lockType);
        };
    }

    static LockDenied4 denied(LockRange holder) {
        return new LockDenied4(holder.start(), holder.length(),
                holder.write() ? Lock4Args.WRITE_LT : Lock4Args.READ_LT,
                new StateOwner4(holder.owner().clientId(), holder.owner().ownerBytes()));
    }
}
