package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.LockMode;

/**
 * From the master: lock {@code lkid} blocks request {@code requesterNode:requesterLkid} (queued with stamp
 * {@code requesterSeq}, which identifies the request across remastering) for {@code mode}.
 */
public record Blocking(String lockspace, long lkid, LockMode mode, int requesterNode, long requesterLkid,
                       long requesterSeq)
        implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.BLOCKING;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        out.writeLong(lkid);
        Wire.writeMode(out, mode);
        out.writeInt(requesterNode).writeLong(requesterLkid).writeLong(requesterSeq);
    }

    static Blocking decode(ByteBuf in) {
        return new Blocking(Wire.readString(in), in.readLong(), FlagBits.requireMode(Wire.readMode(in)), in.readInt(),
                in.readLong(), in.readLong());
    }
}
