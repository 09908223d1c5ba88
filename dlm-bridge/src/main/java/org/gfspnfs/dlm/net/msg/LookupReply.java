package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.ResourceName;

/** From the directory node: {@code master} masters the resource. */
public record LookupReply(String lockspace, ResourceName name, int master) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.LOOKUP_REPLY;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        Wire.writeName(out, name);
        out.writeInt(master);
    }

    static LookupReply decode(ByteBuf in) {
        return new LookupReply(Wire.readString(in), Wire.readName(in), in.readInt());
    }
}
