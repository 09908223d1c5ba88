package org.gfspnfs.dlm.net.msg;

import io.netty.buffer.ByteBuf;

/**
 * One DLM wire message (Linux: a struct dlm_message / dlm_rcom). Each type is its own small class that only encodes
 * and decodes itself; what a message means is decided by the node that receives it.
 */
public interface Message {

    MessageType type();

    void encode(ByteBuf out);

    /** True for transport control messages (hello, ack), which are not sequenced nor retransmitted. */
    default boolean control() {
        return false;
    }
}
