package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;

/** From the master: whether a queued request/conversion was cancelled (false: it had completed already). */
public record CancelReply(String lockspace, long lkid, boolean cancelled) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.CANCEL_REPLY;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        out.writeLong(lkid).writeBoolean(cancelled);
    }

    static CancelReply decode(ByteBuf in) {
        return new CancelReply(Wire.readString(in), in.readLong(), in.readBoolean());
    }
}
