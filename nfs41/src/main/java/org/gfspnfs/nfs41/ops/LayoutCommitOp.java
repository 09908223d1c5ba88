package org.gfspnfs.nfs41.ops;

import java.time.Instant;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.pnfs.LayoutCommit;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutProvider;
import org.gfspnfs.nfs41.pnfs.LayoutRange;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.status.BadLayoutException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoGraceException;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Args;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Res;

/**
 * LAYOUTCOMMIT (RFC 8881 section 18.42): makes what the client wrote through its READ_WRITE layout visible on the
 * MDS (size, mtime, and for us the unwritten extents become written). The stateid must be the client's layout
 * stateid of the file; a range the client holds no READ_WRITE layout for is NFS4ERR_BADLAYOUT.
 */
final class LayoutCommitOp implements Operation<LayoutCommit4Args> {
    private final LayoutStateTable table;

    LayoutCommitOp(LayoutStateTable table) {
        this.table = table;
    }

    @Override
    public XdrAble execute(CompoundContext ctx, LayoutCommit4Args args) throws NfsException {
        LayoutProvider provider = PnfsChecks.provider(ctx);
        PnfsChecks.layoutType(provider, args.layoutType);
        if (args.reclaim) {
            throw new NoGraceException("layouts are not reclaimed");
        }
        Files.requireFile(ctx);
        ctx.checkWritable();
        // The Linux client sends loca_length 0 when nothing was written since its last LAYOUTCOMMIT (its
        // last-byte-written wraps to 2^64-1, so length = lwb + 1 = 0). That commits no range but still carries
        // the new size and mtime, so it is not the zero-length error LAYOUTGET/LAYOUTRETURN must return.
        boolean emptyRange = args.length == 0;
        if (!emptyRange) {
            PnfsChecks.range(args.offset, args.length);
        }
        long client = ctx.client().id();
        LayoutStateTable.Holding h = table.checkCommit(client, ctx.currentInode(),
                ctx.resolveStateid(Stateids.of(args.stateid)));
        if (!emptyRange) {
            long end = new LayoutRange(LayoutIoMode.READ_WRITE, args.offset, args.length).end();
            boolean covered = h.ranges().stream()
                    .anyMatch(r -> r.overlaps(LayoutIoMode.READ_WRITE, args.offset, end));
            if (!covered) {
                throw new BadLayoutException("no READ_WRITE layout over the committed range");
            }
        } else if (h.ranges().stream().noneMatch(r -> r.ioMode() == LayoutIoMode.READ_WRITE)) {
            throw new BadLayoutException("no READ_WRITE layout to commit");
        }
        Instant mtime = args.timeModify == null ? null
                : Instant.ofEpochSecond(args.timeModify.seconds, args.timeModify.nseconds);
        long lastWrite = args.lastWriteOffset == null ? -1 : args.lastWriteOffset;
        long newSize = provider.layoutCommit(new LayoutCommit(client, ctx.currentInode(), args.offset,
                args.length, lastWrite, mtime, args.layoutType, args.body));
        return new LayoutCommit4Res(newSize < 0 ? null : newSize);
    }
}
