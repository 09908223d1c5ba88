package org.gfspnfs.mds.vfs;

import java.util.concurrent.ConcurrentHashMap;

import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeHold;
import org.gfspnfs.gfs.InodeId;

/**
 * Counts NFS opens per inode and keeps one gfs-layout {@link InodeHold} (the GFS2 iopen glock held shared) while
 * the count is above zero, so a file unlinked while a client has it open keeps its blocks and stays readable
 * (POSIX unlink semantics; RFC 8881 section 18.25.4, OPEN4_RESULT_PRESERVE_UNLINKED).
 *
 * <p>Locking is per inode: taking or giving back a hold costs a glock request and a filesystem operation, and
 * opens and closes of different files must not queue behind each other for that.
 */
final class OpenHolds {
    private final FileSystem fs;
    private final ConcurrentHashMap<InodeId, Held> held = new ConcurrentHashMap<>();

    /** One inode's hold; {@code gone} once its last open went (a racing acquire then starts a new one). */
    private static final class Held {
        InodeHold hold;
        int opens;
        boolean gone;
    }

    OpenHolds(FileSystem fs) {
        this.fs = fs;
    }

    void acquire(InodeId id) throws GfsException {
        while (true) {
            Held h = held.computeIfAbsent(id, k -> new Held());
            synchronized (h) {
                if (h.gone) {
                    continue;
                }
                if (h.hold == null) {
                    try {
                        h.hold = fs.open(id);
                    } catch (GfsException | RuntimeException e) {
                        h.gone = true;
                        held.remove(id, h);
                        throw e;
                    }
                }
                h.opens++;
                return;
            }
        }
    }

    /** Drops one open; the last one releases the hold (which frees an unlinked inode). False if none was held. */
    boolean release(InodeId id) throws GfsException {
        Held h = held.get(id);
        if (h == null) {
            return false;
        }
        synchronized (h) {
            if (h.gone || h.opens == 0) {
                return false;
            }
            if (--h.opens == 0) {
                // Removed only after the close, under h: a new open of the inode waits for it to finish.
                try {
                    h.hold.close();
                } finally {
                    h.gone = true;
                    held.remove(id, h);
                }
            }
            return true;
        }
    }

    int count(InodeId id) {
        Held h = held.get(id);
        if (h == null) {
            return 0;
        }
        synchronized (h) {
            return h.gone ? 0 : h.opens;
        }
    }

    /** Releases every hold (server shutdown: clients lose their opens, unlinked inodes are freed). */
    void releaseAll() throws GfsException {
        GfsException first = null;
        for (Held h : held.values()) {
            synchronized (h) {
                if (h.gone || h.hold == null) {
                    continue;
                }
                try {
                    h.hold.close();
                } catch (GfsException e) {
                    if (first == null) {
                        first = e;
                    }
                } finally {
                    h.gone = true;
                    held.remove(h.hold.id(), h);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
