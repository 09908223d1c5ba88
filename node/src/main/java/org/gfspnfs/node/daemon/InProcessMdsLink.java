package org.gfspnfs.node.daemon;

import java.util.List;

import org.gfspnfs.ds.MetadataServerLink;
import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.mds.layout.UnwrittenExtents;

/**
 * The MDS's write path as a data server of the same process sees it: allocation of unwritten chunks and the
 * ledger of written ranges are direct calls into pnfs-mds {@link UnwrittenExtents}. Data servers of other node
 * processes reach the same object through the control channel (data-server's {@code MetadataServerLinkService}).
 */
final class InProcessMdsLink {
    private InProcessMdsLink() {
    }

    static MetadataServerLink of(MetadataServerRole mds) {
        UnwrittenExtents unwritten = mds.provider().unwrittenExtents();
        return new MetadataServerLink() {
            @Override
            public List<Extent> allocate(InodeId file, long offset, long length) throws GfsException {
                return unwritten.allocate(file, offset, length);
            }

            @Override
            public void written(InodeId file, long offset, long length) {
                unwritten.written(file, offset, length);
            }

            @Override
            public List<ByteRange> writtenWithin(InodeId file, long offset, long end) {
                return unwritten.reportedWithin(file, offset, end).stream().map(r -> new ByteRange(r[0], r[1]))
                        .toList();
            }
        };
    }
}
