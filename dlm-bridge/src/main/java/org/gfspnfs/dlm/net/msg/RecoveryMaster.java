package org.gfspnfs.dlm.net.msg;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.ResourceName;

/**
 * Directory rebuild, to owners: the sender masters these resources, which it adopted in the last recovery it
 * completed and on which the receiver holds locks. An owner whose attempt at that recovery was aborted still takes
 * their old master for dead and resends its locks to the sender rather than to the directory node, so that no
 * resource gets a second master.
 */
public record RecoveryMaster(long epoch, String lockspace, List<ResourceName> names) implements Message {

    @Override
    public MessageType type() {
        return MessageType.RECOVERY_MASTER;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLong(epoch);
        Wire.writeString(out, lockspace);
        out.writeInt(names.size());
        names.forEach(n -> Wire.writeName(out, n));
    }

    static RecoveryMaster decode(ByteBuf in) {
        long epoch = in.readLong();
        String ls = Wire.readString(in);
        int n = Wire.readCount(in, RecoveryDirectory.BATCH);
        List<ResourceName> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(Wire.readName(in));
        }
        return new RecoveryMaster(epoch, ls, names);
    }
}
