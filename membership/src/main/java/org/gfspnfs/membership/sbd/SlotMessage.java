package org.gfspnfs.membership.sbd;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * What one node's slot in the {@link PoisonPillArea} says, as sbd's per-node mailbox: empty, "clear" (owned by a
 * live incarnation of the node), a poison pill aimed at one incarnation, or "left" (that incarnation left in order).
 *
 * <p>Encoding (big-endian, at the start of the slot, the rest zero): magic {@code "GPSL"} (u32), version (u16),
 * kind (u16), slot node id (u32), reserved (u32), incarnation (u64), sender node id (u32), reserved (u32), time in
 * ms since the epoch (u64), CRC32C of bytes 0..39 (u32). An all-zero slot is {@link Kind#EMPTY}.
 *
 * @param kind        what the slot says
 * @param nodeId      the slot's owner (a pill found in the wrong slot is a corruption)
 * @param incarnation CLEAR: the owner's live incarnation; POISON: the incarnation that must halt (0 = any)
 * @param sender      node id that wrote the message (the owner for CLEAR, the fencer for POISON)
 * @param timeMillis  when it was written, for status and logs only (never used to decide anything)
 */
public record SlotMessage(Kind kind, int nodeId, long incarnation, int sender, long timeMillis) {
    static final int MAGIC = 0x4750534c;
    static final int VERSION = 1;
    static final int ENCODED_LENGTH = 44;

    /** Slot states. */
    public enum Kind {
        /** Never written since the area was formatted. */
        EMPTY,
        /** Written by the owner at start: this incarnation is the live one. */
        CLEAR,
        /** Written by a fencer: the named incarnation must halt at once. */
        POISON,
        /**
         * Written by the owner as the last step of an orderly leave (services stopped, journal clean, writes shut
         * off): survivors recover it without fencing. It condemns the life that wrote it, which never writes again.
         */
        LEFT
    }

    public SlotMessage {
        Objects.requireNonNull(kind, "kind");
    }

    public static SlotMessage empty(int nodeId) {
        return new SlotMessage(Kind.EMPTY, nodeId, 0, 0, 0);
    }

    public static SlotMessage clear(int nodeId, long incarnation, long timeMillis) {
        return new SlotMessage(Kind.CLEAR, nodeId, incarnation, nodeId, timeMillis);
    }

    public static SlotMessage poison(int nodeId, long incarnation, int sender, long timeMillis) {
        return new SlotMessage(Kind.POISON, nodeId, incarnation, sender, timeMillis);
    }

    public static SlotMessage left(int nodeId, long incarnation, long timeMillis) {
        return new SlotMessage(Kind.LEFT, nodeId, incarnation, nodeId, timeMillis);
    }

    /**
     * True when the owner's incarnation {@code mine} must halt on reading this: a pill for it (or for any
     * incarnation), or a CLEAR written by another incarnation, which means a newer life of this node has started
     * and this one was given up for dead.
     */
    public boolean condemns(long mine) {
        return switch (kind) {
            case EMPTY -> false;
            case CLEAR -> incarnation != mine;
            case POISON -> incarnation == 0 || incarnation == mine;
            case LEFT -> incarnation == mine;
        };
    }

    void encode(ByteBuffer slot) {
        int start = slot.position();
        if (kind == Kind.EMPTY) {
            slot.put(new byte[ENCODED_LENGTH]);
            return;
        }
        slot.putInt(MAGIC).putShort((short) VERSION).putShort((short) kind.ordinal()).putInt(nodeId).putInt(0)
                .putLong(incarnation).putInt(sender).putInt(0).putLong(timeMillis);
        CRC32C crc = new CRC32C();
        crc.update(slot.duplicate().position(start).limit(start + ENCODED_LENGTH - 4));
        slot.putInt((int) crc.getValue());
    }

    static SlotMessage decode(ByteBuffer slot, int expectedNodeId) throws CorruptSlotException {
        int start = slot.position();
        boolean zero = true;
        for (int i = 0; i < ENCODED_LENGTH && zero; i++) {
            zero = slot.get(start + i) == 0;
        }
        if (zero) {
            return empty(expectedNodeId);
        }
        CRC32C crc = new CRC32C();
        crc.update(slot.duplicate().position(start).limit(start + ENCODED_LENGTH - 4));
        int magic = slot.getInt();
        int version = slot.getShort();
        int kind = slot.getShort();
        int nodeId = slot.getInt();
        slot.getInt();
        long incarnation = slot.getLong();
        int sender = slot.getInt();
        slot.getInt();
        long time = slot.getLong();
        int stored = slot.getInt();
        if (magic != MAGIC || version != VERSION || stored != (int) crc.getValue()) {
            throw new CorruptSlotException("slot " + expectedNodeId + ": bad magic, version or checksum");
        }
        if (nodeId != expectedNodeId || kind < 1 || kind >= Kind.values().length) {
            throw new CorruptSlotException("slot " + expectedNodeId + ": names node " + nodeId + ", kind " + kind);
        }
        return new SlotMessage(Kind.values()[kind], nodeId, incarnation, sender, time);
    }
}
