package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;

/** Cumulative acknowledgement: every sequenced frame up to {@code lastDelivered} was handled; drop your copies. */
public record Ack(long lastDelivered) implements Message {
    @Override
    public MessageType type() {
        return MessageType.ACK;
    }

    @Override
    public boolean control() {
        return true;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLong(lastDelivered);
    }

    static Ack decode(ByteBuf in) {
        return new Ack(in.readLong());
    }
}
