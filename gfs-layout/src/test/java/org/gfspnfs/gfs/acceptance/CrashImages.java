package org.gfspnfs.gfs.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rebuilds what a device holds after a crash at event {@code n} of a recorded run: every write before the last
 * flush barrier preceding {@code n} is durable; the writes after it (not yet flushed) are lost - all of them, or
 * all but the first half of the last journal block (a torn log write), or a random subset of them (the device
 * reorders writes between barriers, which is all a barrier promises).
 */
final class CrashImages {
    /** What happens to the writes issued since the last barrier. */
    enum Loss { DROP_ALL, TEAR_LAST_JOURNAL_BLOCK, RANDOM_SUBSET }

    private final byte[] base;
    private final List<RecordingDevice.Event> events;
    private final int blockSize;
    private final long journalEnd;

    /**
     * @param base       the image before the recorded run
     * @param blockSize  filesystem block size (tearing and reordering happen per block)
     * @param journalEnd first byte after the journals
     */
    CrashImages(byte[] base, List<RecordingDevice.Event> events, int blockSize, long journalEnd) {
        this.base = base;
        this.events = events;
        this.blockSize = blockSize;
        this.journalEnd = journalEnd;
    }

    int events() {
        return events.size();
    }

    /** The image after a crash at event {@code n}. */
    byte[] at(int n, Loss loss, Random rnd) {
        byte[] img = base.clone();
        int lastBarrier = -1;
        for (int i = 0; i < n; i++) {
            if (events.get(i).flush()) {
                lastBarrier = i;
            }
        }
        for (int i = 0; i <= lastBarrier; i++) {
            apply(img, events.get(i));
        }
        List<RecordingDevice.Event> pending = new ArrayList<>(events.subList(lastBarrier + 1, n));
        switch (loss) {
            case DROP_ALL -> { }
            case TEAR_LAST_JOURNAL_BLOCK -> tear(img, pending);
            case RANDOM_SUBSET -> {
                for (RecordingDevice.Event e : pending) {
                    for (int off = 0; off < e.data().length; off += blockSize) {
                        if (rnd.nextBoolean()) {
                            int len = Math.min(blockSize, e.data().length - off);
                            System.arraycopy(e.data(), off, img, (int) e.offset() + off, len);
                        }
                    }
                }
            }
        }
        return img;
    }

    /** True if a crash at {@code n} has an unflushed journal write to tear. */
    boolean hasPendingJournalWrite(int n) {
        for (int i = n - 1; i >= 0 && !events.get(i).flush(); i--) {
            if (events.get(i).offset() < journalEnd) {
                return true;
            }
        }
        return false;
    }

    private void tear(byte[] img, List<RecordingDevice.Event> pending) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            RecordingDevice.Event e = pending.get(i);
            if (e.offset() < journalEnd) {
                int lastBlock = (Math.min(e.data().length, (int) (journalEnd - e.offset())) - 1) / blockSize;
                int off = lastBlock * blockSize;
                System.arraycopy(e.data(), off, img, (int) e.offset() + off, blockSize / 2);
                return;
            }
        }
    }

    private static void apply(byte[] img, RecordingDevice.Event e) {
        if (!e.flush()) {
            System.arraycopy(e.data(), 0, img, (int) e.offset(), e.data().length);
        }
    }
}
