package org.gfspnfs.nfs41.state;

import java.nio.ByteBuffer;

/**
 * A stateid (RFC 8881 section 8.2) in server terms: the epoch of the server instance that issued it, a number
 * unique within that instance, and the seqid that counts changes to the state. On the wire "other" is epoch (4
 * bytes) + number (8 bytes).
 */
public record StateId(int epoch, long number, int seqid) {
    /** The anonymous stateid: all zeros (RFC 8881 section 8.2.3). */
    public static final StateId ANONYMOUS = new StateId(0, 0, 0);
    /** The read-bypass stateid: all ones. */
    public static final StateId BYPASS = new StateId(-1, -1, -1);
    /** The "current stateid" placeholder: seqid 1, other all zeros (RFC 8881 section 16.2.3.1.2). */
    public static final StateId CURRENT = new StateId(0, 0, 1);
    /** The invalid stateid CLOSE returns in NFSv4.1: seqid NFS4_UINT32_MAX, other all zeros. */
    public static final StateId INVALID = new StateId(0, 0, -1);

    public byte[] other() {
        return ByteBuffer.allocate(12).putInt(epoch).putLong(number).array();
    }

    public static StateId of(int seqid, byte[] other) {
        ByteBuffer b = ByteBuffer.wrap(other);
        return new StateId(b.getInt(), b.getLong(), seqid);
    }

    public boolean isSpecial() {
        return (epoch == 0 && number == 0) || (epoch == -1 && number == -1);
    }

    public StateId withSeqid(int newSeqid) {
        return new StateId(epoch, number, newSeqid);
    }
}
