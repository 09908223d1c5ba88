package org.gfspnfs.dlm.net.msg;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.ResourceName;

/** Directory rebuild: the sender masters these resources (sent to their directory node under the new view). */
public record RecoveryDirectory(long epoch, String lockspace, List<ResourceName> names) implements Message {
    /** Names per message, to keep frames small. */
    public static final int BATCH = 1024;

    @Override
    public MessageType type() {
        return MessageType.RECOVERY_DIRECTORY;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLong(epoch);
        Wire.writeString(out, lockspace);
        out.writeInt(names.size());
        names.forEach(n -> Wire.writeName(out, n));
    }

    static RecoveryDirectory decode(ByteBuf in) {
        long epoch = in.readLong();
        String ls = Wire.readString(in);
        int n = Wire.readCount(in, BATCH);
        List<ResourceName> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(Wire.readName(in));
        }
        return new RecoveryDirectory(epoch, ls, names);
    }
}
