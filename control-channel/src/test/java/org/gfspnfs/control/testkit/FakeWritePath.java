package org.gfspnfs.control.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.CommandRefusedException;
import org.gfspnfs.control.api.ExtentKind;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.FileRef;
import org.gfspnfs.control.api.MappedExtent;
import org.gfspnfs.control.api.NoSuchEntityException;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.api.WrittenReport;
import org.gfspnfs.control.spi.DataServerWritePath;

/**
 * The MDS write path of a fake node: {@link #FILE} exists, allocation maps any range to one unwritten extent at a
 * fixed device offset (beyond {@link #SPACE} bytes it refuses: no space), reports are kept as single ranges.
 */
public final class FakeWritePath implements DataServerWritePath {
    public static final FileRef FILE = new FileRef(1001, 7);
    public static final long SPACE = 1L << 30;

    private final Map<FileRef, TreeMap<Long, Long>> written = new ConcurrentHashMap<>();

    @Override
    public List<MappedExtent> allocate(AllocationRequest r) throws NoSuchEntityException, CommandRefusedException {
        known(r.file());
        if (r.offset() + r.length() > SPACE) {
            throw new CommandRefusedException("no space left for " + r.length() + " bytes");
        }
        return List.of(new MappedExtent(r.offset(), r.length(), (1L << 20) + r.offset(), ExtentKind.UNWRITTEN));
    }

    @Override
    public synchronized int written(List<WrittenReport> reports) throws NoSuchEntityException {
        int n = 0;
        for (WrittenReport r : reports) {
            known(r.file());
            for (FileRange range : r.ranges()) {
                written.computeIfAbsent(r.file(), f -> new TreeMap<>()).put(range.start(), range.end());
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized List<FileRange> writtenWithin(WrittenQuery q) throws NoSuchEntityException {
        known(q.file());
        List<FileRange> out = new ArrayList<>();
        written.getOrDefault(q.file(), new TreeMap<>()).forEach((start, end) -> {
            long s = Math.max(start, q.offset());
            long e = Math.min(end, q.end());
            if (s < e) {
                out.add(new FileRange(s, e));
            }
        });
        return out;
    }

    private static void known(FileRef f) throws NoSuchEntityException {
        if (!f.equals(FILE)) {
            throw new NoSuchEntityException("no file " + f.inode() + "/" + f.generation());
        }
    }
}
