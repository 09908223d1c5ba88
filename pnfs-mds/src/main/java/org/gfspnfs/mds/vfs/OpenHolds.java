package org.gfspnfs.mds.vfs;

import java.util.HashMap;
import java.util.Map;

import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeHold;
import org.gfspnfs.gfs.InodeId;

/**
 * Counts NFS opens per inode and keeps one gfs-layout {@link InodeHold} (the GFS2 iopen glock held shared) while
 * the count is above zero, so a file unlinked while a client has it open keeps its blocks and stays readable
 * (POSIX unlink semantics; RFC 8881 section 18.25.4, OPEN4_RESULT_PRESERVE_UNLINKED).
 */
final class OpenHolds {
    private final FileSystem fs;
    private final Map<InodeId, Held> held = new HashMap<>();

    private static final class Held {
        final InodeHold hold;
        int opens;

        Held(InodeHold hold) {
            this.hold = hold;
        }
    }

    OpenHolds(FileSystem fs) {
        this.fs = fs;
    }

    synchronized void acquire(InodeId id) throws GfsException {
        Held h = held.get(id);
        if (h == null) {
            h = new Held(fs.open(id));
            held.put(id, h);
        }
        h.opens++;
    }

    /** Drops one open; the last one releases the hold (which frees an unlinked inode). False if none was held. */
    synchronized boolean release(InodeId id) throws GfsException {
        Held h = held.get(id);
        if (h == null) {
            return false;
        }
        if (--h.opens == 0) {
            held.remove(id);
            h.hold.close();
        }
        return true;
    }

    synchronized int count(InodeId id) {
        Held h = held.get(id);
        return h == null ? 0 : h.opens;
    }

    /** Releases every hold (server shutdown: clients lose their opens, unlinked inodes are freed). */
    synchronized void releaseAll() throws GfsException {
        GfsException first = null;
        for (Held h : held.values()) {
            try {
                h.hold.close();
            } catch (GfsException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        held.clear();
        if (first != null) {
            throw first;
        }
    }
}
