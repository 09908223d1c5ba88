package org.gfspnfs.nfs41.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.BuffersBuffer;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.glassfish.grizzly.memory.MemoryManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After Grizzly's transport filter: notes the bytes the read put into the connection's window and passes each
 * complete record on as an {@link Xdr}, one per filter-chain run (the chain comes back for the next while any is
 * complete). Calls decode from the slab itself ({@link ReceivedXdr}, released by the program once answered);
 * replies to the server's own callbacks are copied out, since the reply handlers keep no release discipline.
 */
final class RecordFilter extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RecordFilter.class);
    /** The chain's "unparsed remainder": brings the chain back here while records are waiting. */
    private static final Object MORE = new Object();
    private static final int REPLY = 1;

    private final MemoryManager memoryManager;

    RecordFilter(MemoryManager memoryManager) {
        this.memoryManager = memoryManager;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> c = ctx.getConnection();
        RecordAssembly a = ReadWindowFilter.ASSEMBLY.get(c);
        if (a == null) {
            return ctx.getStopAction();
        }
        Object m = ctx.getMessage();
        if (m instanceof Buffer b) {
            a.received(b.remaining());
        } else if (m != MORE) {
            throw new IllegalStateException("unexpected message " + m);
        }
        ReceivedRecord r;
        try {
            r = a.next();
        } catch (RecordTooLargeException e) {
            LOG.warn("closing the connection from {}: {}", c.getPeerAddress(), e.getMessage());
            c.closeSilently();
            return ctx.getStopAction();
        }
        if (r == null) {
            return ctx.getStopAction();
        }
        boolean more;
        try {
            more = a.hasNext();
        } catch (RecordTooLargeException e) {
            more = true; // the next run finds it and closes the connection
        }
        ctx.setMessage(xdr(r));
        return ctx.getInvokeAction(more ? MORE : null);
    }

    private Xdr xdr(ReceivedRecord r) {
        if (r.messageType() == REPLY) {
            byte[] copy = r.copy();
            r.release();
            return new Xdr(new ByteBufferWrapper(ByteBuffer.wrap(copy)), memoryManager);
        }
        List<ByteBuffer> fragments = r.fragments();
        Buffer body;
        if (fragments.size() == 1) {
            body = new ByteBufferWrapper(fragments.get(0));
        } else {
            Buffer[] parts = new Buffer[fragments.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = new ByteBufferWrapper(fragments.get(i));
            }
            body = BuffersBuffer.create(memoryManager, parts, false);
        }
        return new ReceivedXdr(body, memoryManager, r);
    }
}
