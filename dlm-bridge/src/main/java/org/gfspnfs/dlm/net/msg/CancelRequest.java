package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.ResourceName;

/** To the master: cancel this lock's queued request or conversion. */
public record CancelRequest(String lockspace, ResourceName name, long lkid) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.CANCEL_REQUEST;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        Wire.writeName(out, name);
        out.writeLong(lkid);
    }

    static CancelRequest decode(ByteBuf in) {
        return new CancelRequest(Wire.readString(in), Wire.readName(in), in.readLong());
    }
}
