package org.gfspnfs.nfs41.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.CompletionHandler;

import org.dcache.oncrpc4j.rpc.OncRpcAcceptedException;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.rpc.OncRpcRejectedException;
import org.dcache.oncrpc4j.rpc.ReplyQueue;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcException;
import org.dcache.oncrpc4j.rpc.RpcReply;
import org.dcache.oncrpc4j.rpc.RpcTransport;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RPC message layer (RFC 5531), as oncrpc4j's {@code RpcProtocolFilter} does it, on {@link ReplyTransport}s:
 * a call is checked and passed on for dispatch, a reply to one of the server's own calls (the back channel) goes to
 * whoever waits for it in the reply queue.
 */
final class RpcCallFilter extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RpcCallFilter.class);
    private static final int CALL = 0;
    private static final int REPLY = 1;
    private final ReplyQueue replyQueue;

    RpcCallFilter(ReplyQueue replyQueue) {
        this.replyQueue = replyQueue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Xdr xdr = ctx.getMessage();
        xdr.beginDecoding();
        int xid = xdr.xdrDecodeInt();
        int type = xdr.xdrDecodeInt();
        RpcTransport transport = new ReplyTransport((Connection<InetSocketAddress>) ctx.getConnection(),
                (InetSocketAddress) ctx.getAddress(), replyQueue);
        switch (type) {
            case CALL -> {
                RpcCall call = new RpcCall(xid, xdr, transport);
                try {
                    call.accept();
                } catch (RpcException e) {
                    call.reject(e.getStatus(), e.getRpcReply());
                    LOG.info("RPC request rejected: {}", e.getMessage());
                    return ctx.getStopAction();
                } catch (OncRpcException e) {
                    LOG.info("failed to process RPC request: {}", e.getMessage());
                    return ctx.getStopAction();
                }
                ctx.setMessage(call);
                return ctx.getInvokeAction();
            }
            case REPLY -> {
                try {
                    RpcReply reply = new RpcReply(xid, xdr, transport);
                    CompletionHandler<RpcReply, RpcTransport> waiting = replyQueue.get(xid);
                    if (waiting != null) {
                        if (!reply.isAccepted()) {
                            waiting.failed(new OncRpcRejectedException(reply.getRejectStatus()), transport);
                        } else if (reply.getAcceptStatus() != 0) {
                            waiting.failed(new OncRpcAcceptedException(reply.getAcceptStatus()), transport);
                        } else {
                            waiting.completed(reply, transport);
                        }
                    }
                } catch (OncRpcException e) {
                    LOG.warn("failed to decode reply: ", e);
                }
                return ctx.getStopAction();
            }
            default -> {
                return ctx.getStopAction();
            }
        }
    }
}
