package org.gfspnfs.dlm.net.msg;

/** A lock message that belongs to one lockspace. */
public interface LockspaceMessage extends Message {
    String lockspace();
}
