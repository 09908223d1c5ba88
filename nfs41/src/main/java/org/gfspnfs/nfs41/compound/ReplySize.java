package org.gfspnfs.nfs41.compound;

import org.gfspnfs.nfs41.session.Session;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ResOp4;
import org.gfspnfs.nfs41.xdr.SizedXdr;
import org.gfspnfs.nfs41.xdr.XdrSizer;

/**
 * Running size of a COMPOUND reply, checked against the session's ca_maxresponsesize (NFS4ERR_REP_TOO_BIG) and,
 * when the client asked for the reply to be cached, ca_maxresponsesize_cached (NFS4ERR_REP_TOO_BIG_TO_CACHE),
 * RFC 8881 section 2.10.6.4. The operation whose result crosses the limit gets the error instead.
 */
final class ReplySize {
    /** RPC reply header, compound status, tag length word and result count. */
    private static final int HEADER = 24 + 12;

    private long bytes;

    ReplySize(int tagLength) {
        bytes = HEADER + ((tagLength + 3) & ~3);
    }

    /** Bytes of the reply so far: header and every admitted result. */
    long bytes() {
        return bytes;
    }

    ResOp4 admit(CompoundContext ctx, ResOp4 result) {
        bytes += size(result);
        Session s = ctx.session();
        if (s == null) {
            return result;
        }
        if (bytes > s.fore().maxResponseSize()) {
            return new ResOp4(result.opnum, NfsStat.NFS4ERR_REP_TOO_BIG, null);
        }
        if (ctx.cacheThis() && bytes > s.fore().maxResponseSizeCached()) {
            return new ResOp4(result.opnum, NfsStat.NFS4ERR_REP_TOO_BIG_TO_CACHE, null);
        }
        return result;
    }

    /** Encoded size, counted without encoding (READ data is counted, not copied; a READDIR reply knows its own). */
    private static long size(ResOp4 r) {
        if (r.body instanceof SizedXdr sized) {
            return 8 + sized.encodedSize();   // opnum, status, body
        }
        return XdrSizer.sizeOf(r);
    }
}
