package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.ResourceName;

/** To the master: a granted lock converts to {@code mode}, writing back {@code writeBack} if it demotes PW/EX. */
public record ConvertRequest(String lockspace, ResourceName name, long lkid, LockMode mode, int flags,
                             byte[] writeBack) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.CONVERT_REQUEST;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        Wire.writeName(out, name);
        out.writeLong(lkid);
        Wire.writeMode(out, mode);
        out.writeByte(flags);
        Wire.writeBytes(out, writeBack);
    }

    static ConvertRequest decode(ByteBuf in) {
        return new ConvertRequest(Wire.readString(in), Wire.readName(in), in.readLong(),
                FlagBits.requireMode(Wire.readMode(in)), in.readUnsignedByte(), Wire.readBytes(in));
    }
}
