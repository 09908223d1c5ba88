package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.LockId;
import org.gfspnfs.dlm.api.ResourceName;

/** To a master: fail this waiting request with DEADLOCK (if it still waits) to break a detected cycle. */
public record DeadlockVictim(String lockspace, ResourceName name, LockId lock) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.DEADLOCK_VICTIM;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        Wire.writeName(out, name);
        out.writeInt(lock.nodeId()).writeLong(lock.lkid());
    }

    static DeadlockVictim decode(ByteBuf in) {
        return new DeadlockVictim(Wire.readString(in), Wire.readName(in), new LockId(in.readInt(), in.readLong()));
    }
}
