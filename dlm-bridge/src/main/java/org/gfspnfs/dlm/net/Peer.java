package org.gfspnfs.dlm.net;

import java.util.ArrayDeque;

import io.netty.channel.Channel;
import org.gfspnfs.dlm.net.msg.Ack;
import org.gfspnfs.dlm.net.msg.Message;
import org.gfspnfs.membership.api.Member;

/**
 * The link to one incarnation of one peer: its connection (at most one, shared both ways), the sequenced frames
 * not yet acknowledged (retransmitted after a reconnect, so a reset connection loses nothing), and the last
 * sequence number delivered from it (so duplicates after a reconnect are dropped).
 *
 * <p>Back-pressure: frames are written only while the channel is writable (Netty's write-buffer water marks); the
 * rest wait here in order and are written when the channel drains.
 */
final class Peer {
    final Member member;
    private final int selfId;
    private final long selfIncarnation;
    private final ArrayDeque<Envelope> inflight = new ArrayDeque<>();
    private final ArrayDeque<Envelope> unwritten = new ArrayDeque<>();
    private Channel channel;
    private long outSeq;
    private long lastDelivered;
    private long lastAcked;
    private boolean blocked;
    private boolean drainScheduled;
    /** Fault injection: frames from this sequence number on are not written until released. */
    private long holdFrom = Long.MAX_VALUE;

    Peer(Member member, int selfId, long selfIncarnation) {
        this.member = member;
        this.selfId = selfId;
        this.selfIncarnation = selfIncarnation;
    }

    /**
     * Queues a frame. Frames reach the socket only from the channel's event loop, in order: from a drain task, or
     * inline when the sender already runs on the loop and no drain is pending (then nothing queued earlier can be
     * overtaken: every earlier frame is still in {@code unwritten}, ahead of this one). The inline path saves a
     * task hop on every reply a master sends from the I/O thread that received the request.
     */
    synchronized void send(Message m, long epoch) {
        unwritten.add(new Envelope(selfId, selfIncarnation, ++outSeq, epoch, m));
        if (channel != null && !drainScheduled && channel.eventLoop().inEventLoop()) {
            drain();
        } else {
            scheduleDrain();
        }
    }

    private void scheduleDrain() {
        if (channel != null && !drainScheduled) {
            drainScheduled = true;
            Channel ch = channel;
            ch.eventLoop().execute(() -> drainOn(ch));
        }
    }

    private synchronized void drainOn(Channel ch) {
        drainScheduled = false;
        if (ch == channel) {
            drain();
        }
    }

    /** The handshake completed on {@code ch}: resend what the peer has not delivered, then carry on. */
    synchronized Channel attach(Channel ch, long peerLastDelivered) {
        Channel old = channel;
        channel = ch;
        acknowledge(peerLastDelivered);
        inflight.addAll(unwritten);
        unwritten.clear();
        unwritten.addAll(inflight);
        inflight.clear();
        drainScheduled = false;
        scheduleDrain();
        return old == ch ? null : old;
    }

    synchronized void detach(Channel ch) {
        if (channel == ch) {
            channel = null;
        }
    }

    synchronized boolean isAttached(Channel ch) {
        return channel == ch;
    }

    synchronized boolean connected() {
        return channel != null;
    }

    /** Writes queued frames while the channel is writable; runs on the channel's event loop only. */
    synchronized void drain() {
        if (channel == null) {
            return;
        }
        boolean wrote = false;
        while (!unwritten.isEmpty() && channel.isWritable() && unwritten.peek().seq() < holdFrom) {
            Envelope env = unwritten.poll();
            inflight.add(env);
            channel.write(env.withAck(lastDelivered), channel.voidPromise()); // piggybacked ack
            lastAcked = lastDelivered;
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    /** Holds the next frame sent and everything after it (the connection stays up). */
    synchronized void holdFromNext() {
        holdFrom = outSeq + 1;
    }

    synchronized void release() {
        holdFrom = Long.MAX_VALUE;
        scheduleDrain();
    }

    synchronized void acknowledge(long upTo) {
        while (!inflight.isEmpty() && inflight.peek().seq() <= upTo) {
            inflight.poll();
        }
    }

    /** Returns true if {@code seq} is the next frame in order; false for a duplicate of a delivered one. */
    synchronized boolean accept(long seq) {
        if (seq <= lastDelivered) {
            return false;
        }
        if (seq != lastDelivered + 1) {
            throw new IllegalStateException("frame " + seq + " from node " + member.nodeId() + " after "
                    + lastDelivered);
        }
        lastDelivered = seq;
        return true;
    }

    synchronized long lastDelivered() {
        return lastDelivered;
    }

    /** An ack to send, if frames were delivered since the last one. */
    synchronized Ack pendingAck() {
        if (lastDelivered == lastAcked) {
            return null;
        }
        lastAcked = lastDelivered;
        return new Ack(lastDelivered);
    }

    synchronized int queued() {
        return inflight.size() + unwritten.size();
    }

    synchronized boolean blocked() {
        return blocked;
    }

    synchronized Channel block(boolean block) {
        blocked = block;
        Channel ch = channel;
        if (block) {
            channel = null;
        }
        return block ? ch : null;
    }
}
