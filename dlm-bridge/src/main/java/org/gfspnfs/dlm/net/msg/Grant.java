package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.LockMode;

/** From the master: a queued request or conversion is granted (the remote half of a completion AST). */
public record Grant(String lockspace, long lkid, LockMode mode, byte[] lvb, boolean lvbValid, long lvbSeq,
                    boolean demoted) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.GRANT;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        out.writeLong(lkid);
        Wire.writeMode(out, mode);
        Wire.writeBytes(out, lvb);
        out.writeBoolean(lvbValid).writeLong(lvbSeq).writeBoolean(demoted);
    }

    static Grant decode(ByteBuf in) {
        return new Grant(Wire.readString(in), in.readLong(), FlagBits.requireMode(Wire.readMode(in)),
                Wire.readBytes(in), in.readBoolean(), in.readLong(), in.readBoolean());
    }
}
