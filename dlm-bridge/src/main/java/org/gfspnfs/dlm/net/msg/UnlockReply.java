package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;

/** From the master: the lock is released. */
public record UnlockReply(String lockspace, long lkid) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.UNLOCK_REPLY;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        out.writeLong(lkid);
    }

    static UnlockReply decode(ByteBuf in) {
        return new UnlockReply(Wire.readString(in), in.readLong());
    }
}
