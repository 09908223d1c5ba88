package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.ResourceName;

/** To the master: release a granted lock, writing back {@code writeBack} if it held PW/EX with VALBLK. */
public record UnlockRequest(String lockspace, ResourceName name, long lkid, byte[] writeBack) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.UNLOCK_REQUEST;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        Wire.writeName(out, name);
        out.writeLong(lkid);
        Wire.writeBytes(out, writeBack);
    }

    static UnlockRequest decode(ByteBuf in) {
        return new UnlockRequest(Wire.readString(in), Wire.readName(in), in.readLong(), Wire.readBytes(in));
    }
}
