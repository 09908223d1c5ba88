package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;

/**
 * First frame on a connection, both ways: who I am (node id, incarnation), which incarnation of you I expect, and
 * the last sequence number I delivered from you, so that you retransmit what I missed.
 */
public record Hello(int nodeId, long incarnation, long peerIncarnation, long lastDelivered) implements Message {
    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }

    @Override
    public boolean control() {
        return true;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeInt(nodeId).writeLong(incarnation).writeLong(peerIncarnation).writeLong(lastDelivered);
    }

    static Hello decode(ByteBuf in) {
        return new Hello(in.readInt(), in.readLong(), in.readLong(), in.readLong());
    }
}
