package org.gfspnfs.nfs41.transport;

import java.io.IOException;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.attributes.AttributeBuilder;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First in the chain, before Grizzly's transport filter: gives the read the connection's next window of slab
 * memory (Grizzly reads into a buffer it finds as the message), so the socket's bytes land where the records are
 * cut from, with no copy in between. Lets the connection's slab go when the connection closes.
 */
final class ReadWindowFilter extends BaseFilter {
    static final Attribute<RecordAssembly> ASSEMBLY =
            AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(ReadWindowFilter.class.getName() + ".assembly");
    private static final Logger LOG = LoggerFactory.getLogger(ReadWindowFilter.class);

    private final SlabPool pool;
    private final int recordLimit;

    ReadWindowFilter(SlabPool pool, int recordLimit) {
        this.pool = pool;
        this.recordLimit = recordLimit;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> c = ctx.getConnection();
        RecordAssembly a = ASSEMBLY.get(c);
        if (a == null) {
            a = new RecordAssembly(pool, recordLimit);
            ASSEMBLY.set(c, a);
        }
        try {
            ctx.setMessage(new ByteBufferWrapper(a.readWindow()));
        } catch (RecordTooLargeException e) {
            LOG.warn("closing the connection from {}: {}", c.getPeerAddress(), e.getMessage());
            c.closeSilently();
            return ctx.getStopAction();
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        RecordAssembly a = ASSEMBLY.remove(ctx.getConnection());
        if (a != null) {
            a.close();
        }
        return ctx.getInvokeAction();
    }
}
