package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.ResourceName;

/**
 * To the directory node: the sender, master of this resource, has freed it after it stayed unused (Linux dlm:
 * DLM_MSG_REMOVE after toss_secs); the entry goes if it still names the sender. The next lookup makes a new master.
 */
public record DirectoryRemove(String lockspace, ResourceName name) implements LockspaceMessage {
    @Override
    public MessageType type() {
        return MessageType.DIRECTORY_REMOVE;
    }

    @Override
    public void encode(ByteBuf out) {
        Wire.writeString(out, lockspace);
        Wire.writeName(out, name);
    }

    static DirectoryRemove decode(ByteBuf in) {
        return new DirectoryRemove(Wire.readString(in), Wire.readName(in));
    }
}
