package org.gfspnfs.ds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.CommandRefusedException;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.FileRef;
import org.gfspnfs.control.api.InvalidRequestException;
import org.gfspnfs.control.api.NoSuchEntityException;
import org.gfspnfs.control.api.NotServedException;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.api.WrittenReport;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeCallException;
import org.gfspnfs.control.xdr.WritePathXdr;
import org.gfspnfs.gfs.Errno;
import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.FileTooLargeException;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.NoSpaceException;
import org.gfspnfs.gfs.StaleHandleException;

/**
 * The {@link MetadataServerLink} of a data server in another process than the MDS, over the control channel
 * (PROTOCOL.md procedures 42-44): ALLOCATE_UNWRITTEN per hole met (the MDS allocates a whole chunk), written ranges
 * kept here and handed over in one REPORT_WRITTEN batch at {@link #flush} (COMMIT, stable WRITE), WRITTEN_WITHIN
 * when the data server reads unwritten blocks or completes a partial block.
 *
 * <p>Failure: a call that gets no answer within the client's timeout is a
 * {@link MetadataServerUnavailableException} (NFS4ERR_DELAY to the NFS client). Unflushed ranges stay here until a
 * flush succeeds, so a COMMIT is only answered once the MDS knows what it covers; if this data server dies first,
 * the client's COMMIT fails, the write verifier changes, and the client writes again (RFC 8881 section 18.3.3).
 * Flushes run one at a time: a COMMIT that finds another flush in flight waits for it rather than answer early.
 */
public final class RemoteMetadataServerLink implements MetadataServerLink {
    private final ControlClient mds;
    private final Map<InodeId, WrittenRangeSet> unreported = new HashMap<>();
    private final ReentrantLock flushing = new ReentrantLock();
    private final AtomicLong allocations = new AtomicLong();
    private final AtomicLong reportCalls = new AtomicLong();

    /** {@code mds}: a client of the MDS node's control channel (its timeout bounds every call). */
    public RemoteMetadataServerLink(ControlClient mds) {
        this.mds = mds;
    }

    @Override
    public List<Extent> allocate(InodeId file, long offset, long length)
            throws GfsException, MetadataServerUnavailableException {
        allocations.incrementAndGet();
        try {
            return mds.allocateUnwritten(new AllocationRequest(ref(file), offset, length)).stream()
                    .map(e -> new Extent(e.fileOffset(), e.length(), e.deviceOffset(),
                            org.gfspnfs.gfs.ExtentState.valueOf(e.kind().name())))
                    .toList();
        } catch (NodeCallException e) {
            throw unavailable("ALLOCATE_UNWRITTEN", e);
        } catch (ControlException e) {
            throw answered(e);
        }
    }

    @Override
    public void written(InodeId file, long offset, long length) {
        synchronized (unreported) {
            unreported.computeIfAbsent(file, f -> new WrittenRangeSet()).add(offset, offset + length);
        }
    }

    @Override
    public List<ByteRange> writtenWithin(InodeId file, long offset, long end)
            throws GfsException, MetadataServerUnavailableException {
        WrittenRangeSet all = new WrittenRangeSet();
        try {
            long from = offset;
            while (from < end) {
                List<FileRange> part = mds.writtenWithin(new WrittenQuery(ref(file), from, end));
                part.forEach(r -> all.add(r.start(), r.end()));
                if (part.size() < WritePathXdr.MAX_RANGES) {
                    break;
                }
                from = part.get(part.size() - 1).end();
            }
        } catch (NodeCallException e) {
            throw unavailable("WRITTEN_WITHIN", e);
        } catch (ControlException e) {
            throw answered(e);
        }
        synchronized (unreported) {
            WrittenRangeSet mine = unreported.get(file);
            if (mine != null) {
                mine.within(offset, end).forEach(r -> all.add(r.start(), r.end()));
            }
        }
        return all.all();
    }

    @Override
    public void flush() throws MetadataServerUnavailableException {
        flushing.lock();
        try {
            Map<InodeId, List<ByteRange>> batch = snapshot();
            List<WrittenReport> reports = new ArrayList<>();
            for (Map.Entry<InodeId, List<ByteRange>> e : batch.entrySet()) {
                List<ByteRange> ranges = e.getValue();
                for (int i = 0; i < ranges.size(); i += WritePathXdr.MAX_RANGES) {
                    reports.add(new WrittenReport(ref(e.getKey()), ranges
                            .subList(i, Math.min(ranges.size(), i + WritePathXdr.MAX_RANGES)).stream()
                            .map(r -> new FileRange(r.start(), r.end())).toList()));
                }
            }
            for (int i = 0; i < reports.size(); i += WritePathXdr.MAX_REPORTS) {
                send(reports.subList(i, Math.min(reports.size(), i + WritePathXdr.MAX_REPORTS)));
            }
            forget(batch);
        } finally {
            flushing.unlock();
        }
    }

    /** ALLOCATE_UNWRITTEN calls made (the bench and the tests count chunk allocations with it). */
    public long allocations() {
        return allocations.get();
    }

    /** REPORT_WRITTEN calls made. */
    public long reportCalls() {
        return reportCalls.get();
    }

    private void send(List<WrittenReport> reports) throws MetadataServerUnavailableException {
        reportCalls.incrementAndGet();
        try {
            mds.reportWritten(reports);
        } catch (NodeCallException e) {
            throw unavailable("REPORT_WRITTEN", e);
        } catch (ControlException e) {
            // The MDS answered but refused (e.g. the file is gone since): nothing to convert, so nothing to keep.
            if (!(e instanceof NoSuchEntityException)) {
                throw new MetadataServerUnavailableException("REPORT_WRITTEN refused: " + e.getMessage(), e);
            }
        }
    }

    private Map<InodeId, List<ByteRange>> snapshot() {
        Map<InodeId, List<ByteRange>> batch = new HashMap<>();
        synchronized (unreported) {
            unreported.forEach((file, ranges) -> batch.put(file, ranges.all()));
        }
        return batch;
    }

    /** Drops what the MDS now knows; ranges written while the report was in flight stay. */
    private void forget(Map<InodeId, List<ByteRange>> reported) {
        synchronized (unreported) {
            reported.forEach((file, ranges) -> {
                WrittenRangeSet set = unreported.get(file);
                if (set != null) {
                    ranges.forEach(r -> set.remove(r.start(), r.end()));
                    if (set.isEmpty()) {
                        unreported.remove(file);
                    }
                }
            });
        }
    }

    private static FileRef ref(InodeId file) {
        return new FileRef(file.number(), file.generation());
    }

    private MetadataServerUnavailableException unavailable(String call, NodeCallException e) {
        return new MetadataServerUnavailableException(call + " to " + mds.node().name() + ": " + e.getMessage(), e);
    }

    /** The MDS's answer as the error the in-process MDS would have thrown. */
    private static GfsException answered(ControlException e) throws MetadataServerUnavailableException {
        if (e instanceof NoSuchEntityException) {
            return new StaleHandleException("the MDS no longer has this file: " + e.getMessage(), e);
        } else if (e instanceof CommandRefusedException) {
            return new NoSpaceException("the MDS has no space: " + e.getMessage(), e);
        } else if (e instanceof InvalidRequestException) {
            return new FileTooLargeException("the MDS refused the range: " + e.getMessage(), e);
        } else if (e instanceof NotServedException) {
            // The node asked is not (or no longer) the MDS, e.g. during failover: ask again later.
            throw new MetadataServerUnavailableException("not the MDS: " + e.getMessage(), e);
        }
        return new GfsException(Errno.EIO, "the MDS failed: " + e.getMessage(), e);
    }
}
