package org.gfspnfs.mds.layout;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gfspnfs.gfs.Errno;
import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.FileAttributes;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FsStat;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;

/**
 * The MDS side of the pNFS write path (DESIGN "block ownership", LAYOUT.md): data servers write into blocks the MDS
 * allocated as UNWRITTEN extents, without metadata changes of their own.
 * <ul>
 *   <li>{@link #allocate}: a data server met a hole; the MDS allocates the whole aligned chunk around it (default
 *       64 MiB), so a file written through three data servers costs one inode-glock EX per chunk, not per write.</li>
 *   <li>{@link #written}: a data server reports what it wrote. Only reported ranges are converted at
 *       LAYOUTCOMMIT: the rest of a chunk stays unwritten and reads as zeros, so a block never exposes a deleted
 *       file's old data.</li>
 *   <li>{@link #commit}: LAYOUTCOMMIT converts the reported ranges inside the committed range and sets size and
 *       mtime in the same transactions.</li>
 * </ul>
 * Reported ranges live in memory: a LAYOUTCOMMIT after an MDS restart converts nothing the old instance heard of
 * (the client's data stays unwritten = zeros), which is why layouts are not reclaimed across restarts.
 */
public final class UnwrittenExtents {
    private final FileSystem fs;
    private final long chunk;
    private final Map<InodeId, FileWrites> files = new HashMap<>();

    /**
     * What data servers wrote into a file: {@code pending} still unwritten on disk, {@code converted} already made
     * written by a LAYOUTCOMMIT. Both count as "written before" for a data server completing a partial block, so a
     * write racing with the LAYOUTCOMMIT of the same block never zero-fills committed bytes.
     */
    private static final class FileWrites {
        final ByteRanges pending = new ByteRanges();
        final ByteRanges converted = new ByteRanges();

        boolean isEmpty() {
            return pending.isEmpty() && converted.isEmpty();
        }
    }

    public UnwrittenExtents(FileSystem fs, long chunk) {
        this.fs = fs;
        this.chunk = chunk;
    }

    /**
     * Allocates every hole of the chunks that {@code [offset, offset+length)} touches as unwritten (only the range
     * itself when the chunks would take more than half the free space) and returns the asked range's mapping.
     */
    public List<Extent> allocate(InodeId file, long offset, long length) throws GfsException {
        long start = offset - offset % chunk;
        long end = offset + length;
        long chunkEnd = end % chunk == 0 ? end : end - end % chunk + chunk;
        FsStat space = fs.statfs();
        if (chunkEnd - start > space.freeBlocks() * space.blockSize() / 2) {
            // A chunk must never eat the last free space of the filesystem: allocate just the write.
            start = offset;
            chunkEnd = end;
        }
        try {
            fs.allocateUnwritten(file, start, chunkEnd - start);
        } catch (GfsException e) {
            if (e.errno() != Errno.ENOSPC) {
                throw e;
            }
            // A nearly full filesystem may still hold the write itself: allocate just that (whatever part of the
            // chunk was allocated before the failure stays with the file, unwritten).
            fs.allocateUnwritten(file, offset, length);
        }
        return fs.mapRange(file, offset, length);
    }

    /** A data server wrote {@code [offset, offset+length)} (whole blocks, the rest zero filled). */
    public synchronized void written(InodeId file, long offset, long length) {
        files.computeIfAbsent(file, f -> new FileWrites()).pending.add(offset, offset + length);
    }

    /**
     * The ranges data servers wrote inside {@code [offset, end)} since the file's layouts were last all returned
     * (committed or not), as {start, end} pairs in order.
     */
    public synchronized List<long[]> reportedWithin(InodeId file, long offset, long end) {
        FileWrites w = files.get(file);
        if (w == null) {
            return List.of();
        }
        ByteRanges union = new ByteRanges();
        w.pending.within(offset, end).forEach(r -> union.add(r[0], r[1]));
        w.converted.within(offset, end).forEach(r -> union.add(r[0], r[1]));
        return union.within(offset, end);
    }

    /**
     * LAYOUTCOMMIT: converts the reported, not yet converted ranges in {@code [offset, end)}, raises the size to
     * {@code newSize} (never shrinks) and sets mtime (now when null). Returns the attributes after the commit.
     */
    public FileAttributes commit(InodeId file, long offset, long end, long newSize, Instant mtime)
            throws GfsException {
        List<long[]> ranges;
        synchronized (this) {
            FileWrites w = files.get(file);
            ranges = w == null ? List.of() : w.pending.within(offset, end);
        }
        for (long[] r : ranges) {
            fs.commitWritten(file, r[0], r[1] - r[0], 0, mtime);
        }
        FileAttributes after = fs.commitWritten(file, offset, 0, newSize, mtime);
        synchronized (this) {
            FileWrites w = files.get(file);
            if (w != null) {
                for (long[] r : ranges) {
                    w.pending.remove(r[0], r[1]);
                    w.converted.add(r[0], r[1]);
                }
            }
        }
        return after;
    }

    /** No client holds a layout of the file any more: converted ranges need no remembering. */
    public synchronized void settled(InodeId file) {
        FileWrites w = files.get(file);
        if (w != null) {
            w.converted.remove(0, Long.MAX_VALUE);
            if (w.isEmpty()) {
                files.remove(file);
            }
        }
    }

    /** The file is gone or truncated: forget what was reported for it. */
    public synchronized void forget(InodeId file) {
        files.remove(file);
    }
}
