package org.gfspnfs.dlm.net.msg;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.DeadlockReport.Edge;
import org.gfspnfs.dlm.api.DeadlockReport.Holder;
import org.gfspnfs.dlm.api.LockId;

/** Deadlock detection: the wait-for edges a master sees (waiting request -> incompatible granted lock). */
public record WaitForReply(long queryId, String lockspace, List<Edge> edges) implements Message {
    @Override
    public MessageType type() {
        return MessageType.WAITFOR_REPLY;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLong(queryId);
        Wire.writeString(out, lockspace);
        out.writeInt(edges.size());
        for (Edge e : edges) {
            out.writeInt(e.waiter().nodeId()).writeLong(e.waiter().holder()).writeLong(e.waitingLock().lkid());
            Wire.writeMode(out, e.waitingMode());
            Wire.writeName(out, e.resource());
            out.writeInt(e.blocker().nodeId()).writeLong(e.blocker().holder()).writeLong(e.blockingLock().lkid());
            Wire.writeMode(out, e.blockingMode());
        }
    }

    static WaitForReply decode(ByteBuf in) {
        long q = in.readLong();
        String ls = Wire.readString(in);
        int n = Wire.readCount(in, 1 << 20);
        List<Edge> edges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int wn = in.readInt();
            long wh = in.readLong();
            long wl = in.readLong();
            var wm = Wire.readMode(in);
            var res = Wire.readName(in);
            int bn = in.readInt();
            long bh = in.readLong();
            long bl = in.readLong();
            var bm = Wire.readMode(in);
            edges.add(new Edge(new Holder(wn, wh), new LockId(wn, wl), wm, res, new Holder(bn, bh),
                    new LockId(bn, bl), bm));
        }
        return new WaitForReply(q, ls, edges);
    }
}
