package org.gfspnfs.control.server;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.RpcAuthStat;
import org.dcache.oncrpc4j.rpc.RpcAuthType;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the fixed part of an RPC call header (RFC 5531 section 9) before oncrpc4j decodes it. oncrpc4j allocates
 * credential and verifier bodies at whatever length the peer claims; this guard bounds them first:
 * <ul>
 *   <li>a record too short to hold a call header, or whose credential or verifier overruns it: connection closed
 *       (the stream cannot be trusted, and there may be no xid to answer);</li>
 *   <li>a REPLY sent to the server: dropped (we never call out on this connection);</li>
 *   <li>a credential other than AUTH_NONE: MSG_DENIED / AUTH_ERROR / AUTH_TOOWEAK (our calls carry AUTH_NONE plus the
 *       HMAC verifier);</li>
 *   <li>a credential or verifier body over 400 bytes (RFC 5531 {@code opaque body<400>}): AUTH_BADCRED /
 *       AUTH_BADVERF.</li>
 * </ul>
 */
final class CallHeaderGuard extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(CallHeaderGuard.class);
    private static final int MAX_AUTH_BODY = 400;
    /** xid, mtype, rpcvers, prog, vers, proc, cred flavor, cred length. */
    private static final int CALL_PREFIX = 8 * Integer.BYTES;
    private static final int CALL = 0;
    private static final int REPLY = 1;

    private final ServerCounters counters;

    CallHeaderGuard(ServerCounters counters) {
        this.counters = counters;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Xdr xdr = ctx.getMessage();
        Buffer b = xdr.asBuffer();
        int size = b.remaining();
        int base = b.position();
        if (size < 2 * Integer.BYTES) {
            return close(ctx, "record of " + size + " bytes");
        }
        int xid = b.getInt(base);
        int type = b.getInt(base + 4);
        if (type == REPLY) {
            return ctx.getStopAction();
        }
        if (type != CALL || size < CALL_PREFIX) {
            return close(ctx, "not an RPC call");
        }
        int credFlavor = b.getInt(base + 24);
        int credLength = b.getInt(base + 28);
        if (credLength < 0 || credLength > MAX_AUTH_BODY) {
            return deny(ctx, xid, RpcAuthStat.AUTH_BADCRED);
        }
        int verfAt = CALL_PREFIX + pad(credLength);
        if (size < verfAt + 2 * Integer.BYTES) {
            return close(ctx, "credential overruns the record");
        }
        int verfLength = b.getInt(base + verfAt + 4);
        if (verfLength < 0 || verfLength > MAX_AUTH_BODY) {
            return deny(ctx, xid, RpcAuthStat.AUTH_BADVERF);
        }
        if (size < verfAt + 2 * Integer.BYTES + pad(verfLength)) {
            return close(ctx, "verifier overruns the record");
        }
        if (credFlavor != RpcAuthType.NONE) {
            return deny(ctx, xid, RpcAuthStat.AUTH_TOOWEAK);
        }
        return ctx.getInvokeAction();
    }

    private static int pad(int length) {
        return (length + 3) & ~3;
    }

    private NextAction close(FilterChainContext ctx, String why) {
        LOG.debug("closing {}: {}", ctx.getConnection().getPeerAddress(), why);
        counters.closedConnection();
        ctx.getConnection().closeSilently();
        return ctx.getStopAction();
    }

    /** Answers MSG_DENIED / AUTH_ERROR with {@code authStat}, record-marked, and drops the call. */
    @SuppressWarnings("unchecked")
    private NextAction deny(FilterChainContext ctx, int xid, int authStat) {
        Buffer reply = ctx.getMemoryManager().allocate(6 * Integer.BYTES);
        reply.putInt(0x80000000 | 5 * Integer.BYTES);
        reply.putInt(xid);
        reply.putInt(REPLY);
        reply.putInt(1); // MSG_DENIED
        reply.putInt(1); // AUTH_ERROR
        reply.putInt(authStat);
        reply.flip();
        counters.guardDenied();
        ((Connection<Object>) ctx.getConnection()).write(reply);
        return ctx.getStopAction();
    }
}
