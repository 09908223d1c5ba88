package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;

/** Recovery barrier: the sender finished {@code phase} of recovery {@code epoch} (all its messages precede this). */
public record RecoveryDone(long epoch, int phase) implements Message {
    @Override
    public MessageType type() {
        return MessageType.RECOVERY_DONE;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLong(epoch).writeInt(phase);
    }

    static RecoveryDone decode(ByteBuf in) {
        return new RecoveryDone(in.readLong(), in.readInt());
    }
}
