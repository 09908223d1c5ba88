package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.LockMode;

/**
 * From the master: the immediate outcome of a request or conversion. On GRANTED it carries the granted mode and the
 * value block copy; on QUEUED the queue stamp (a {@link Grant} follows later).
 */
public record LockReply(String lockspace, long lkid, Kind kind, LockMode granted, byte[] lvb, boolean lvbValid,
                        long lvbSeq, boolean demoted, long seq) implements LockspaceMessage {
    /**
     * Immediate outcome kinds. NOT_MASTER: the receiver does not master the resource (it freed it after it stayed
     * unused); the owner looks the master up again and resends.
     */
    public enum Kind { GRANTED, QUEUED, WOULD_BLOCK, DEADLOCK, NOT_MASTER }

    @Override
    public MessageType type() {
        return MessageType.LOCK_REPLY;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        out.writeLong(lkid);
        out.writeByte(kind.ordinal());
        Wire.writeMode(out, granted);
        Wire.writeBytes(out, lvb);
        out.writeBoolean(lvbValid).writeLong(lvbSeq).writeBoolean(demoted).writeLong(seq);
    }

    static LockReply decode(ByteBuf in) {
        return new LockReply(Wire.readString(in), in.readLong(), Wire.readEnum(in, Kind.values()), Wire.readMode(in),
                Wire.readBytes(in), in.readBoolean(), in.readLong(), in.readBoolean(), in.readLong());
    }
}
