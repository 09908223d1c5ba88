package org.gfspnfs.nfs41.session;

import org.gfspnfs.nfs41.status.BadSlotException;
import org.gfspnfs.nfs41.status.DelayException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.RetryUncachedRepException;
import org.gfspnfs.nfs41.status.SeqMisorderedException;

/**
 * The fore channel slot table and reply cache of a session (RFC 8881 section 2.10.6.1). Each slot admits one
 * request at a time; a request with the slot's current sequence id is a retry and is answered from the cache, a
 * request with the next id is new, anything else is misordered.
 */
public final class SlotTable {
    private final Slot[] slots;

    public SlotTable(int size) {
        slots = new Slot[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new Slot();
        }
    }

    public int size() {
        return slots.length;
    }

    /** The result of admitting a request: a new request to execute, or a cached reply to resend. */
    public record Admission(boolean replay, Object cachedReply) {
        static final Admission NEW = new Admission(false, null);
    }

    /** Admits a request on {@code slotId} with {@code seqid}; a new request holds the slot until {@link #finish}. */
    public Admission begin(int slotId, int seqid) throws NfsException {
        if (slotId < 0 || slotId >= slots.length) {
            throw new BadSlotException("slot " + slotId + " of " + slots.length);
        }
        Slot s = slots[slotId];
        synchronized (s) {
            if (seqid == s.seqid + 1) {
                if (s.inProgress) {
                    throw new DelayException("slot busy");
                }
                s.seqid = seqid;
                s.inProgress = true;
                s.reply = null;
                return Admission.NEW;
            }
            if (seqid == s.seqid && s.seqid != 0) {
                if (s.inProgress) {
                    throw new DelayException("original request still running");
                }
                if (s.reply == null) {
                    throw new RetryUncachedRepException("reply was not cached");
                }
                return new Admission(true, s.reply);
            }
            throw new SeqMisorderedException("slot " + slotId + " expects " + (s.seqid + 1) + " got " + seqid);
        }
    }

    /** Ends the request on the slot, caching its reply when the client asked for it (sa_cachethis). */
    public void finish(int slotId, Object reply, boolean cache) {
        Slot s = slots[slotId];
        synchronized (s) {
            s.inProgress = false;
            s.reply = cache ? reply : null;
        }
    }

    /** How many slots hold a request that has not finished (0 whenever the server is idle). */
    public int busySlots() {
        int n = 0;
        for (Slot s : slots) {
            synchronized (s) {
                n += s.inProgress ? 1 : 0;
            }
        }
        return n;
    }

    /** Highest slot that has ever been used, for sr_highest_slotid. */
    public int highestSlot() {
        return slots.length - 1;
    }

    private static final class Slot {
        int seqid;
        boolean inProgress;
        Object reply;
    }
}
