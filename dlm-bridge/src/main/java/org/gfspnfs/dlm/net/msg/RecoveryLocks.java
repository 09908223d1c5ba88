package org.gfspnfs.dlm.net.msg;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.lock.Queue;

/**
 * Remastering: the sender's locks on a resource whose master died, sent to its new master, with the sender's copy
 * of the value block (Linux: rcom lock / dlm_recover_locks).
 */
public record RecoveryLocks(long epoch, String lockspace, ResourceName name, byte[] lvb, long lvbSeq,
                            boolean lvbValid, LockMode lvbHeldMode, List<Entry> locks) implements Message {

    /** One lock as its owner knows it. */
    public record Entry(long lkid, long holder, LockMode granted, LockMode requested, Queue queue, long seq,
                        boolean valblk) { }

    @Override
    public MessageType type() {
        return MessageType.RECOVERY_LOCKS;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLong(epoch);
        Wire.writeString(out, lockspace);
        Wire.writeName(out, name);
        Wire.writeBytes(out, lvb);
        out.writeLong(lvbSeq).writeBoolean(lvbValid);
        Wire.writeMode(out, lvbHeldMode);
        out.writeInt(locks.size());
        for (Entry e : locks) {
            out.writeLong(e.lkid).writeLong(e.holder);
            Wire.writeMode(out, e.granted);
            Wire.writeMode(out, e.requested);
            out.writeByte(e.queue.ordinal()).writeLong(e.seq).writeBoolean(e.valblk);
        }
    }

    static RecoveryLocks decode(ByteBuf in) {
        long epoch = in.readLong();
        String ls = Wire.readString(in);
        ResourceName name = Wire.readName(in);
        byte[] lvb = Wire.readBytes(in);
        long lvbSeq = in.readLong();
        boolean valid = in.readBoolean();
        LockMode held = Wire.readMode(in);
        int n = Wire.readCount(in, 1 << 16);
        List<Entry> locks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            locks.add(new Entry(in.readLong(), in.readLong(), Wire.readMode(in), Wire.readMode(in),
                    Wire.readEnum(in, Queue.values()), in.readLong(), in.readBoolean()));
        }
        return new RecoveryLocks(epoch, ls, name, lvb, lvbSeq, valid, held, locks);
    }
}
