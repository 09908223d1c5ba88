package org.gfspnfs.dlm.net;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.gfspnfs.dlm.net.msg.MalformedMessageException;
import org.gfspnfs.dlm.net.msg.Message;
import org.gfspnfs.dlm.net.msg.MessageType;
import org.gfspnfs.membership.api.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node-to-node transport of the DLM on Netty (Linux: lowcomms + midcomms): framed binary messages with a version
 * field, one TCP connection per pair of nodes (the lower node id connects, the higher accepts), reconnect with
 * retransmission of unacknowledged frames, back-pressure from the channel's writability, and per-type message
 * counters.
 *
 * <p>A malformed frame, a frame from another incarnation or an out-of-order frame is logged and resets the
 * connection; the peer reconnects and retransmits, so lock state never sees it. Messages are handed to the
 * {@link Receiver} on Netty I/O threads in per-peer order.
 */
public final class Transport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    /** Handles delivered messages on an I/O thread; must not block for long and must not run user callbacks. */
    public interface Receiver {
        void onMessage(int srcNode, long epoch, Message message);
    }

    private final int selfId;
    private final long selfIncarnation;
    private final Receiver receiver;
    private final Duration reconnectDelay;
    private final EventLoopGroup group;
    private final Map<Integer, Peer> peers = new ConcurrentHashMap<>();
    private final AtomicLongArray sentByType = new AtomicLongArray(256);
    private final AtomicLong sentTotal = new AtomicLong();
    private final AtomicLong connectionResets = new AtomicLong();
    private final Map<Integer, java.util.function.Predicate<Message>> cuts = new ConcurrentHashMap<>();
    private Channel server;
    private volatile boolean closed;

    public Transport(int selfId, long selfIncarnation, Receiver receiver, int ioThreads, Duration reconnectDelay) {
        this.selfId = selfId;
        this.selfIncarnation = selfIncarnation;
        this.receiver = receiver;
        this.reconnectDelay = reconnectDelay;
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
    }

    /** Binds the listening socket; returns the bound address (port 0 picks a free one). */
    public InetSocketAddress bind(InetSocketAddress address) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 << 10, 1 << 20))
                .childHandler(initializer(null));
        server = b.bind(address).sync().channel();
        return (InetSocketAddress) server.localAddress();
    }

    /** Makes the peer set equal to {@code members} (minus self); a new incarnation replaces the old link. */
    public void updatePeers(Collection<Member> members) {
        for (Member m : members) {
            if (m.nodeId() == selfId) {
                continue;
            }
            Peer existing = peers.get(m.nodeId());
            if (existing != null && existing.member.incarnation() == m.incarnation()) {
                continue;
            }
            if (existing != null) {
                dropPeer(existing);
            }
            Peer p = new Peer(m, selfId, selfIncarnation);
            peers.put(m.nodeId(), p);
            if (selfId < m.nodeId()) {
                connect(p);
            }
        }
        for (Peer p : peers.values()) {
            if (members.stream().noneMatch(m -> m.sameIncarnation(p.member))) {
                dropPeer(p);
            }
        }
    }

    /** Sends a sequenced message; delivery is in order and survives connection resets while the peer is a member. */
    public void send(int nodeId, Message m, long epoch) {
        Peer p = peers.get(nodeId);
        if (p == null) {
            LOG.debug("node {}: no link to node {}, dropping {}", selfId, nodeId, m.type());
            return;
        }
        java.util.function.Predicate<Message> cut = cuts.get(nodeId);
        if (cut != null && cut.test(m) && cuts.remove(nodeId, cut)) {
            p.holdFromNext();
        }
        sentByType.incrementAndGet(m.type().code());
        sentTotal.incrementAndGet();
        p.send(m, epoch);
    }

    /**
     * Fault injection (tests): holds back the first message to {@code nodeId} that {@code first} selects, and
     * everything sent to it after that, until {@link #release}; earlier messages and the other direction flow.
     */
    public void holdFrom(int nodeId, java.util.function.Predicate<Message> first) {
        cuts.put(nodeId, first);
    }

    /** Ends {@link #holdFrom}: the held messages go out, in order. */
    public void release(int nodeId) {
        cuts.remove(nodeId);
        Peer p = peers.get(nodeId);
        if (p != null) {
            p.release();
        }
    }

    /** Messages sent so far (all types). */
    public long messagesSent() {
        return sentTotal.get();
    }

    /** Messages sent so far, by type. */
    public Map<MessageType, Long> messagesSentByType() {
        Map<MessageType, Long> out = new EnumMap<>(MessageType.class);
        for (MessageType t : MessageType.values()) {
            long n = sentByType.get(t.code());
            if (n > 0) {
                out.put(t, n);
            }
        }
        return out;
    }

    /** Connections reset because of a bad frame or a stale peer. */
    public long connectionResets() {
        return connectionResets.get();
    }

    /** True when a handshaken connection to {@code nodeId} is up. */
    public boolean connected(int nodeId) {
        Peer p = peers.get(nodeId);
        return p != null && p.connected();
    }

    /**
     * Cuts (or restores) the link to a peer, as a network partition would: frames to it wait, connections from it
     * are refused. For fault injection (MiniCluster isolate).
     */
    public void block(int nodeId, boolean block) {
        Peer p = peers.get(nodeId);
        if (p == null) {
            return;
        }
        Channel ch = p.block(block);
        if (ch != null) {
            ch.close();
        }
        if (!block && selfId < nodeId) {
            connect(p);
        }
    }

    /** Closes the current connection to a peer; it reconnects and retransmits (fault injection). */
    public void resetConnection(int nodeId) {
        Peer p = peers.get(nodeId);
        if (p != null) {
            Channel ch = p.block(false);
            if (ch != null) {
                ch.close();
            }
        }
    }

    private void dropPeer(Peer p) {
        peers.remove(p.member.nodeId(), p);
        Channel ch = p.block(true);
        if (ch != null) {
            ch.close();
        }
    }

    private void connect(Peer p) {
        if (closed || peers.get(p.member.nodeId()) != p || p.blocked() || p.connected()) {
            return;
        }
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 << 10, 1 << 20))
                .handler(initializer(p));
        ChannelFuture f = b.connect(p.member.dlmAddress());
        f.addListener(done -> {
            if (!done.isSuccess()) {
                scheduleReconnect(p);
            } else {
                f.channel().closeFuture().addListener(c -> scheduleReconnect(p));
            }
        });
    }

    void scheduleReconnect(Peer p) {
        if (!closed && peers.get(p.member.nodeId()) == p && !p.blocked()) {
            group.schedule(() -> connect(p), reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private ChannelInitializer<SocketChannel> initializer(Peer outbound) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                // replies written inline while a read is in progress are flushed once, at the end of the read
                ch.pipeline().addLast(new FlushConsolidationHandler(
                                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false),
                        FrameCodec.framer(), new FrameCodec.Decoder(), new FrameCodec.Encoder(),
                        new PeerHandler(Transport.this, outbound));
            }
        };
    }

    // ---- called by PeerHandler on I/O threads ----

    int selfId() {
        return selfId;
    }

    long selfIncarnation() {
        return selfIncarnation;
    }

    Peer peer(int nodeId) {
        return peers.get(nodeId);
    }

    /**
     * Hands a frame to the receiver. A message the receiver cannot make sense of (it checks before it changes any
     * state) is logged and the connection reset; its sequence number is already consumed, so the peer does not
     * send it again after reconnecting.
     */
    void deliver(Peer p, Envelope env) {
        try {
            receiver.onMessage(p.member.nodeId(), env.epoch(), env.message());
        } catch (RuntimeException e) {
            LOG.error("node {}: unexpected {} from node {}: {}", selfId, env.message().type(), p.member.nodeId(),
                    e.toString());
            throw new MalformedMessageException("unexpected " + env.message().type() + ": " + e.getMessage());
        }
    }

    void countReset() {
        connectionResets.incrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
        peers.values().forEach(this::dropPeer);
        if (server != null) {
            server.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
