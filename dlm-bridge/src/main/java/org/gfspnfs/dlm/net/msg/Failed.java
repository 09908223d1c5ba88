package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.LockStatus;

/** From the master: a queued request or conversion was taken back with {@code status} (a deadlock victim). */
public record Failed(String lockspace, long lkid, LockStatus status) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.FAILED;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        out.writeLong(lkid);
        out.writeByte(status.ordinal());
    }

    static Failed decode(ByteBuf in) {
        return new Failed(Wire.readString(in), in.readLong(), Wire.readEnum(in, LockStatus.values()));
    }
}
