package org.gfspnfs.nfs41.ops;

import org.gfspnfs.nfs41.compound.CompoundContext;

/**
 * How much data a READ or READDIR result may carry: maxread, and no more than the reply has room for under the
 * session's ca_maxresponsesize. The Linux client asks for a maximum response of its rsize plus the header overhead
 * it computes for its own READ compound, so a server that guesses the overhead too high returns every READ short
 * and the client sends a second READ for the last few bytes of each.
 */
public final class ReplyLimits {
    /** opnum, status, eof and data length: what a READ result adds to its data. */
    private static final int READ_RESULT_HEADER = 16;
    /** opnum and status before a READDIR result's body. */
    private static final int RESULT_HEADER = 8;

    private ReplyLimits() {
    }

    /** The most bytes of file data a READ may return in this COMPOUND (a multiple of 4: the XDR padding fits). */
    public static int read(CompoundContext ctx) {
        long room = ctx.replyRoom() - READ_RESULT_HEADER;
        return (int) (Math.max(0, Math.min(ctx.services().config().maxIo(), room)) & ~3L);
    }

    /** The most bytes a READDIR4resok may take: the client's maxcount, maxread plus a page, and the reply's room. */
    static int readdir(CompoundContext ctx, int maxCount) {
        long room = ctx.replyRoom() - RESULT_HEADER;
        return (int) Math.max(0, Math.min(Math.min(maxCount, ctx.services().config().maxIo() + 1024L), room));
    }
}
