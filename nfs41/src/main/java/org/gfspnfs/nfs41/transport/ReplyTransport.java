package org.gfspnfs.nfs41.transport;

import java.net.InetSocketAddress;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CancellationException;

import org.dcache.oncrpc4j.grizzly.GrizzlyRpcTransport;
import org.dcache.oncrpc4j.rpc.ReplyQueue;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.WritableMessage;

/**
 * oncrpc4j's transport for a connection, except for a reply that ends in a file chunk (READ data sent with
 * sendfile): oncrpc4j writes such a reply in a loop on the calling thread, beside the connection's write queue,
 * spinning while the socket is full. Here it goes into the write queue like any other reply, as one message
 * ({@link ChunkedReply}), and the selector sends what the socket does not take at once. The chunk is
 * {@link TransportOwned#handedOff handed off}: released when the write completes or fails.
 */
final class ReplyTransport extends GrizzlyRpcTransport {
    private final Connection<InetSocketAddress> connection;

    ReplyTransport(Connection<InetSocketAddress> connection, InetSocketAddress peer, ReplyQueue replyQueue) {
        super(connection, peer, replyQueue);
        this.connection = connection;
    }

    @Override
    public <A> void send(Xdr xdr, A attachment, CompletionHandler<Integer, ? super A> handler) {
        if (!xdr.hasFileChunk()) {
            super.send(xdr, attachment, handler);
            return;
        }
        WritableMessage[] pieces = xdr.asBufferWritableMessages();
        ((TransportOwned) pieces[1]).handedOff();
        ChunkedReply reply = new ChunkedReply(pieces);
        int size = reply.remaining();
        connection.write(reply, new EmptyCompletionHandler<WriteResult<ChunkedReply, InetSocketAddress>>() {
            @Override
            public void completed(WriteResult<ChunkedReply, InetSocketAddress> result) {
                reply.release();
                handler.completed(size, attachment);
            }

            @Override
            public void failed(Throwable t) {
                reply.release();
                handler.failed(t, attachment);
            }

            @Override
            public void cancelled() {
                reply.release();
                handler.failed(new CancellationException("reply write cancelled"), attachment);
            }
        });
    }
}
