package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;

/**
 * Recovery barrier 0: the sender has stopped and will send no lock traffic until recovery of {@code epoch} ends.
 * Since frames between two nodes are delivered in order, receiving it means every earlier message arrived.
 */
public record RecoveryMarker(long epoch) implements Message {
    @Override
    public MessageType type() {
        return MessageType.RECOVERY_MARKER;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLong(epoch);
    }

    static RecoveryMarker decode(ByteBuf in) {
        return new RecoveryMarker(in.readLong());
    }
}
