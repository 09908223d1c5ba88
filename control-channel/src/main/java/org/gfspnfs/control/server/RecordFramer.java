package org.gfspnfs.control.server;

import java.io.IOException;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 5531 section 11 record marking with a size limit. oncrpc4j's own parser buffers whatever fragment length a
 * peer announces; this one closes the connection as soon as a record would exceed {@code maxRecord}, so a peer
 * cannot make the server hold more than that per connection. Hands one complete record at a time, as an
 * {@link Xdr}, to the next filter.
 */
final class RecordFramer extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RecordFramer.class);
    private static final int LAST_FRAGMENT = 0x80000000;
    private static final int SIZE_MASK = 0x7fffffff;

    private final int maxRecord;
    private final ServerCounters counters;

    RecordFramer(int maxRecord, ServerCounters counters) {
        this.maxRecord = maxRecord;
        this.counters = counters;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Buffer in = ctx.getMessage();
        int end = completeRecordEnd(in);
        if (end == -2) {
            LOG.debug("closing {}: record larger than {} bytes", ctx.getConnection().getPeerAddress(), maxRecord);
            counters.closedConnection();
            ctx.getConnection().closeSilently();
            return ctx.getStopAction();
        }
        if (end == -1) {
            return ctx.getStopAction(in); // wait for the rest of the record
        }
        byte[] record = assemble(in, end);
        Buffer remainder = in.limit() > end ? in.split(end) : null;
        in.tryDispose();
        counters.record();
        ctx.setMessage(new Xdr(Buffers.wrap(ctx.getMemoryManager(), record), ctx.getMemoryManager()));
        return ctx.getInvokeAction(remainder);
    }

    /** End offset of the first complete record; -1 if incomplete; -2 if it is, or will be, over the limit. */
    private int completeRecordEnd(Buffer in) {
        int p = in.position();
        long total = 0;
        while (in.limit() - p >= Integer.BYTES) {
            int mark = in.getInt(p);
            int length = mark & SIZE_MASK;
            total += length;
            if (total > maxRecord) {
                return -2;
            }
            if (in.limit() - p - Integer.BYTES < length) {
                return -1;
            }
            p += Integer.BYTES + length;
            if ((mark & LAST_FRAGMENT) != 0) {
                return p;
            }
        }
        return -1;
    }

    /** Copies the fragments' payloads, without their marks, into one array; leaves {@code in} at {@code end}. */
    private static byte[] assemble(Buffer in, int end) {
        int size = 0;
        for (int p = in.position(); p < end; ) {
            int length = in.getInt(p) & SIZE_MASK;
            size += length;
            p += Integer.BYTES + length;
        }
        byte[] record = new byte[size];
        int offset = 0;
        while (in.position() < end) {
            int length = in.getInt() & SIZE_MASK;
            in.get(record, offset, length);
            offset += length;
        }
        return record;
    }
}
