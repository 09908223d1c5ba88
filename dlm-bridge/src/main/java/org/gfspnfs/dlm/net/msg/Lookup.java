package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.ResourceName;

/** To the directory node: who masters this resource? If nobody, the sender becomes its master. */
public record Lookup(String lockspace, ResourceName name) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.LOOKUP;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        Wire.writeName(out, name);
    }

    static Lookup decode(ByteBuf in) {
        return new Lookup(Wire.readString(in), Wire.readName(in));
    }
}
