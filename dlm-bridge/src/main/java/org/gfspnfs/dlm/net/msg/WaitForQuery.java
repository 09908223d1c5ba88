package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;

/** Deadlock detection: send me the wait-for edges of the resources you master in this lockspace. */
public record WaitForQuery(long queryId, String lockspace) implements Message {
    @Override
    public MessageType type() {
        return MessageType.WAITFOR_QUERY;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLong(queryId);
        Wire.writeString(out, lockspace);
    }

    static WaitForQuery decode(ByteBuf in) {
        return new WaitForQuery(in.readLong(), Wire.readString(in));
    }
}
