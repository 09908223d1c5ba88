package org.gfspnfs.membership.sbd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.CRC32C;

import org.gfspnfs.membership.fence.FenceConfirmation;

/**
 * The FENCED record in the second half of a node's slot (membership/README.md, "Fencing records"): the last
 * confirmed fencing of that node, kept apart from the mailbox message in the first half so that a new life of the
 * node, which writes CLEAR there, does not erase it before every survivor has read it.
 *
 * <p>Encoding (big-endian, at {@link #OFFSET} in the slot): magic {@code "GPFD"} (u32), version 1 (u16), length of
 * {@code how} in bytes (u16), victim node id (u32), fencer node id (u32), victim incarnation (u64), time ms (u64),
 * {@code how} UTF-8 ({@value #HOW_BYTES} bytes, NUL padded, cut at a character boundary), CRC32C of bytes 0..287
 * (u32 at 288). An all-zero record is "none".
 */
final class FenceRecordCodec {
    /** Where the record starts in the slot. */
    static final int OFFSET = 2048;
    static final int HOW_BYTES = 256;
    private static final int MAGIC = 0x47504644;
    private static final int VERSION = 1;
    private static final int CRC_AT = 32 + HOW_BYTES;
    static final int LENGTH = CRC_AT + 4;

    private FenceRecordCodec() {
    }

    /** Writes {@code c} at the slot buffer's {@link #OFFSET}, zeroing the rest of the record. */
    static void encode(FenceConfirmation c, ByteBuffer slot) {
        byte[] how = truncate(c.how());
        ByteBuffer r = slot.duplicate().position(OFFSET).limit(OFFSET + LENGTH).slice();
        r.put(new byte[LENGTH]).clear();
        r.putInt(MAGIC).putShort((short) VERSION).putShort((short) how.length).putInt(c.nodeId())
                .putInt(c.fencer()).putLong(c.incarnation()).putLong(c.at().toEpochMilli()).put(how);
        r.putInt(CRC_AT, crc(r));
    }

    /** The record of slot {@code nodeId}, empty if none was ever written. */
    static Optional<FenceConfirmation> decode(ByteBuffer slot, int nodeId) throws CorruptSlotException {
        ByteBuffer r = slot.duplicate().position(OFFSET).limit(OFFSET + LENGTH).slice();
        boolean zero = true;
        for (int i = 0; i < LENGTH && zero; i++) {
            zero = r.get(i) == 0;
        }
        if (zero) {
            return Optional.empty();
        }
        int length = Short.toUnsignedInt(r.getShort(6));
        if (r.getInt(0) != MAGIC || r.getShort(4) != VERSION || r.getInt(CRC_AT) != crc(r) || length > HOW_BYTES) {
            throw new CorruptSlotException("slot " + nodeId + ": fence record with bad magic, version or checksum");
        }
        if (r.getInt(8) != nodeId) {
            throw new CorruptSlotException("slot " + nodeId + ": fence record names node " + r.getInt(8));
        }
        byte[] how = new byte[length];
        r.get(32, how);
        return Optional.of(new FenceConfirmation(nodeId, r.getLong(16), r.getInt(12),
                new String(how, StandardCharsets.UTF_8), Instant.ofEpochMilli(r.getLong(24))));
    }

    private static byte[] truncate(String how) {
        byte[] bytes = how.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= HOW_BYTES) {
            return bytes;
        }
        int n = HOW_BYTES;
        while (n > 0 && (bytes[n] & 0xc0) == 0x80) {
            n--;
        }
        return java.util.Arrays.copyOf(bytes, n);
    }

    private static int crc(ByteBuffer record) {
        CRC32C crc = new CRC32C();
        crc.update(record.duplicate().position(0).limit(CRC_AT));
        return (int) crc.getValue();
    }
}
