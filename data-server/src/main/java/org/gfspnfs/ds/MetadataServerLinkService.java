package org.gfspnfs.ds;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.CommandRefusedException;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.ExtentKind;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.FileRef;
import org.gfspnfs.control.api.InvalidRequestException;
import org.gfspnfs.control.api.MappedExtent;
import org.gfspnfs.control.api.NoSuchEntityException;
import org.gfspnfs.control.api.NodeFaultException;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.api.WrittenReport;
import org.gfspnfs.control.spi.DataServerWritePath;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;

/**
 * The MDS node's answer to remote data servers (control-channel {@link DataServerWritePath}, PROTOCOL.md procedures
 * 42-44), served over the MDS's own in-process {@link MetadataServerLink} (the one its local data servers use, over
 * pnfs-mds {@code UnwrittenExtents}). The one place where the MDS's filesystem errors become control-channel
 * statuses: file gone NOENT, no space REFUSED, range beyond the largest file INVAL, anything else SERVERFAULT.
 */
public final class MetadataServerLinkService implements DataServerWritePath {
    private final MetadataServerLink mds;
    private final AtomicLong allocations = new AtomicLong();

    /** {@code mds}: the in-process link of the MDS (allocation and written-range ledger of pnfs-mds). */
    public MetadataServerLinkService(MetadataServerLink mds) {
        this.mds = mds;
    }

    @Override
    public List<MappedExtent> allocate(AllocationRequest r) throws ControlException {
        allocations.incrementAndGet();
        try {
            return mds.allocate(id(r.file()), r.offset(), r.length()).stream()
                    .map(e -> new MappedExtent(e.fileOffset(), e.length(), e.deviceOffset(),
                            ExtentKind.valueOf(e.state().name())))
                    .toList();
        } catch (GfsException e) {
            throw toControl(e);
        } catch (MetadataServerUnavailableException e) {
            throw new NodeFaultException("the MDS's own link failed: " + e.getMessage());
        }
    }

    @Override
    public int written(List<WrittenReport> reports) throws ControlException {
        int n = 0;
        for (WrittenReport r : reports) {
            InodeId file = id(r.file());
            for (FileRange range : r.ranges()) {
                mds.written(file, range.start(), range.end() - range.start());
                n++;
            }
        }
        try {
            mds.flush();
        } catch (MetadataServerUnavailableException e) {
            throw new NodeFaultException("the MDS's own link failed: " + e.getMessage());
        }
        return n;
    }

    @Override
    public List<FileRange> writtenWithin(WrittenQuery q) throws ControlException {
        try {
            return mds.writtenWithin(id(q.file()), q.offset(), q.end()).stream()
                    .map(r -> new FileRange(r.start(), r.end())).toList();
        } catch (GfsException e) {
            throw toControl(e);
        } catch (MetadataServerUnavailableException e) {
            throw new NodeFaultException("the MDS's own link failed: " + e.getMessage());
        }
    }

    /** ALLOCATE_UNWRITTEN calls served (one per chunk a data server needed). */
    public long allocations() {
        return allocations.get();
    }

    private static InodeId id(FileRef f) {
        return new InodeId(f.inode(), f.generation());
    }

    private static ControlException toControl(GfsException e) {
        String m = e.getMessage();
        return switch (e.errno()) {
            case ENOENT, ESTALE -> new NoSuchEntityException(m);
            case ENOSPC -> new CommandRefusedException("no space: " + m);
            case EFBIG, EINVAL -> new InvalidRequestException(m);
            default -> new NodeFaultException(e.errno() + ": " + m);
        };
    }
}
