package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;

/**
 * Recovery barrier 0: the sender (life {@code incarnation}) has stopped and runs {@code attempt} (its own counter,
 * growing with every recovery it starts in that life) of the recovery of {@code epoch}; it sends no lock traffic until that recovery ends. Since frames
 * between two nodes are delivered in order, receiving it means every earlier message arrived, and every recovery
 * message the sender sent before it belongs to an attempt it has abandoned.
 *
 * <p>{@code ack} is the attempt of the receiver's own marker for the same epoch that the sender had seen when it
 * sent this one (0: none). A node passes barrier 0 only when every other member has acknowledged its current
 * attempt, so messages of another member's abandoned attempt of the same member set can never count (a member set
 * that comes back, e.g. after a node joined and died again, has the same epoch id).
 */
public record RecoveryMarker(long epoch, long incarnation, long attempt, long ack) implements Message {
    @Override
    public MessageType type() {
        return MessageType.RECOVERY_MARKER;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLong(epoch).writeLong(incarnation).writeLong(attempt).writeLong(ack);
    }

    static RecoveryMarker decode(ByteBuf in) {
        return new RecoveryMarker(in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }
}
