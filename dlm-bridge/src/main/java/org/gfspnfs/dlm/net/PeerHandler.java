package org.gfspnfs.dlm.net;

import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.gfspnfs.dlm.net.msg.Ack;
import org.gfspnfs.dlm.net.msg.Hello;
import org.gfspnfs.dlm.net.msg.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's state machine: AWAIT_HELLO (nothing but a valid Hello is accepted) then ESTABLISHED (sequenced
 * frames in order, acks). Anything else resets the connection.
 */
final class PeerHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PeerHandler.class);

    private enum State { AWAIT_HELLO, ESTABLISHED }

    private final Transport transport;
    private final Peer outbound;
    private Peer peer;
    private State state = State.AWAIT_HELLO;
    private boolean ackScheduled;
    private static final long ACK_DELAY_MS = 20;

    PeerHandler(Transport transport, Peer outbound) {
        this.transport = transport;
        this.outbound = outbound;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (outbound != null) {
            ctx.writeAndFlush(new Envelope(transport.selfId(), transport.selfIncarnation(), 0, 0,
                    new Hello(transport.selfId(), transport.selfIncarnation(), outbound.member.incarnation(),
                            outbound.lastDelivered())));
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Envelope env = (Envelope) msg;
        if (state == State.AWAIT_HELLO) {
            handshake(ctx, env);
            return;
        }
        if (env.srcNode() != peer.member.nodeId() || env.srcIncarnation() != peer.member.incarnation()) {
            throw new MalformedMessageException("frame from node " + env.srcNode() + "/" + env.srcIncarnation()
                    + " on the link of " + peer.member);
        }
        peer.acknowledge(env.ack());
        if (env.message() instanceof Ack ack) {
            peer.acknowledge(ack.lastDelivered());
        } else if (env.message().control()) {
            throw new MalformedMessageException("unexpected " + env.message().type() + " after handshake");
        } else if (peer.accept(env.seq())) {
            transport.deliver(peer, env);
        }
    }

    private void handshake(ChannelHandlerContext ctx, Envelope env) {
        if (!(env.message() instanceof Hello hello)) {
            throw new MalformedMessageException("expected HELLO, got " + env.message().type());
        }
        Peer p = transport.peer(hello.nodeId());
        if (p == null || (outbound != null && p != outbound) || p.blocked()
                || p.member.incarnation() != hello.incarnation()
                || hello.peerIncarnation() != transport.selfIncarnation()) {
            throw new MalformedMessageException("stale or unknown peer " + hello.nodeId() + "/" + hello.incarnation());
        }
        peer = p;
        state = State.ESTABLISHED;
        if (outbound == null) {
            ctx.writeAndFlush(new Envelope(transport.selfId(), transport.selfIncarnation(), 0, 0,
                    new Hello(transport.selfId(), transport.selfIncarnation(), p.member.incarnation(),
                            p.lastDelivered())));
        }
        Channel old = p.attach(ctx.channel(), hello.lastDelivered());
        if (old != null) {
            old.close();
        }
    }

    /**
     * Acks ride on data frames; a standalone {@link Ack} goes out only if no data frame carried the ack within
     * {@link #ACK_DELAY_MS} (a lone ack per frame would double the frames and wake-ups of a request/reply exchange).
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (peer != null && peer.isAttached(ctx.channel()) && !ackScheduled) {
            ackScheduled = true;
            ctx.executor().schedule(() -> sendPendingAck(ctx), ACK_DELAY_MS, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelReadComplete();
    }

    private void sendPendingAck(ChannelHandlerContext ctx) {
        ackScheduled = false;
        if (peer != null && peer.isAttached(ctx.channel())) {
            Ack ack = peer.pendingAck();
            if (ack != null) {
                ctx.writeAndFlush(new Envelope(transport.selfId(), transport.selfIncarnation(), 0, 0, ack),
                        ctx.voidPromise());
            }
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (peer != null && ctx.channel().isWritable() && peer.isAttached(ctx.channel())) {
            peer.drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (peer != null) {
            peer.detach(ctx.channel());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause.getCause() instanceof MalformedMessageException ? cause.getCause() : cause;
        LOG.warn("node {}: resetting connection {} ({}): {}", transport.selfId(), ctx.channel().remoteAddress(),
                peer == null ? "unidentified" : "node " + peer.member.nodeId(), root.toString());
        transport.countReset();
        if (peer != null) {
            peer.detach(ctx.channel());
        }
        ctx.close();
    }
}
