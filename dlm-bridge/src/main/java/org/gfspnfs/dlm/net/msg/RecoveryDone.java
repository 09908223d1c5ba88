package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;

/**
 * Recovery barrier: the sender finished {@code phase} of its {@code attempt} at recovery {@code epoch} (all its
 * messages of that phase precede this).
 */
public record RecoveryDone(long epoch, long attempt, int phase) implements Message {
    @Override
    public MessageType type() {
        return MessageType.RECOVERY_DONE;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLong(epoch).writeLong(attempt).writeInt(phase);
    }

    static RecoveryDone decode(ByteBuf in) {
        return new RecoveryDone(in.readLong(), in.readLong(), in.readInt());
    }
}
