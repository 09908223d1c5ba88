package org.gfspnfs.dlm.net;

import org.gfspnfs.dlm.net.msg.Message;

/**
 * A message with its frame header: sender node and incarnation, per-connection-pair sequence number (0 for control
 * messages), the last sequence number the sender delivered from the receiver (a piggybacked cumulative ack) and the
 * sender's recovery epoch.
 */
record Envelope(int srcNode, long srcIncarnation, long seq, long ack, long epoch, Message message) {

    Envelope(int srcNode, long srcIncarnation, long seq, long epoch, Message message) {
        this(srcNode, srcIncarnation, seq, 0, epoch, message);
    }

    Envelope withAck(long upTo) {
        return new Envelope(srcNode, srcIncarnation, seq, upTo, epoch, message);
    }
}
