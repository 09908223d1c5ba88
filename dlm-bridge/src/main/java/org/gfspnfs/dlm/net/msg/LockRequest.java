package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.ResourceName;

/** To the master: a new lock asks for {@code mode} ({@code flags} are {@link FlagBits}). */
public record LockRequest(String lockspace, ResourceName name, long lkid, long holder, LockMode mode, int flags)
        implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.LOCK_REQUEST;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        Wire.writeName(out, name);
        out.writeLong(lkid).writeLong(holder);
        Wire.writeMode(out, mode);
        out.writeByte(flags);
    }

    static LockRequest decode(ByteBuf in) {
        return new LockRequest(Wire.readString(in), Wire.readName(in), in.readLong(), in.readLong(),
                FlagBits.requireMode(Wire.readMode(in)), in.readUnsignedByte());
    }
}
