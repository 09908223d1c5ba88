package org.gfspnfs.nfs41.ops;

import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutProvider;
import org.gfspnfs.nfs41.pnfs.LayoutRange;
import org.gfspnfs.nfs41.pnfs.LayoutRequest;
import org.gfspnfs.nfs41.pnfs.LayoutSegment;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.BadStateidException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.LayoutTryLaterException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.TooSmallException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.xdr.Layout4;
import org.gfspnfs.nfs41.xdr.LayoutContent4;
import org.gfspnfs.nfs41.xdr.LayoutGet4Args;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;

/**
 * LAYOUTGET (RFC 8881 section 18.43): the first layout of a file is asked with an open, lock or delegation stateid
 * (checked like a READ/WRITE stateid, a READ_WRITE layout needs a write open), later ones with the layout stateid,
 * whose seqid advances with every grant (section 12.5.3). The provider decides the segments. A LAYOUTGET that
 * follows an OPEN of the same file in the same compound gets NFS4ERR_LAYOUTTRYLATER while the file is below the
 * provider's mdsthreshold (the client would not use the layout; it asks again on its own when it needs one).
 */
final class LayoutGetOp implements Operation<LayoutGet4Args> {
    /** Bytes of a layout4 besides its body: offset, length, iomode, type, body length. */
    private static final int SEGMENT_OVERHEAD = 28;
    /** return_on_close, stateid, array length. */
    private static final int RESULT_OVERHEAD = 24;

    private final LayoutStateTable table;

    LayoutGetOp(LayoutStateTable table) {
        this.table = table;
    }

    @Override
    public XdrAble execute(CompoundContext ctx, LayoutGet4Args args) throws NfsException {
        LayoutProvider provider = PnfsChecks.provider(ctx);
        Stat st = Files.requireFile(ctx);
        PnfsChecks.exportLayoutType(ctx, provider, args.layoutType);
        LayoutIoMode mode = PnfsChecks.ioMode(args.ioMode, false);
        PnfsChecks.range(args.offset, args.length);
        if (args.length != -1 && Long.compareUnsigned(args.minLength, args.length) > 0) {
            throw new InvalException("minlength > length");
        }
        if (mode == LayoutIoMode.READ_WRITE) {
            ctx.checkWritable();
        }
        Inode inode = ctx.currentInode();
        long client = ctx.client().id();
        checkStateid(ctx, client, inode, mode, ctx.resolveStateid(Stateids.of(args.stateid)));
        long threshold = provider.mdsThreshold();
        if (st.size() < threshold && ctx.openedInThisCompound(inode)) {
            // Asked along with the OPEN, before the client knows what I/O it will do; below the mdsthreshold it
            // reads and writes through the MDS anyway. Granted, the layout would only cost a state, a recall when
            // the file is removed or truncated, and a LAYOUTRETURN. Asked on its own, it is granted.
            throw new LayoutTryLaterException("a " + st.size() + "-byte file is below the mdsthreshold (" + threshold
                    + " bytes): no layout with the open");
        }
        byte[] fh = ctx.currentFh().toBytes();
        StateId reserved = table.reserve(ctx.services().epoch(), client, inode, fh, args.layoutType);
        List<LayoutSegment> segments;
        try {
            segments = provider.layoutGet(new LayoutRequest(client, inode, fh, args.layoutType, mode,
                    args.offset, args.length, args.minLength, reserved));
        } catch (NfsException | RuntimeException e) {
            table.release(client, inode);
            throw e;
        }
        List<Layout4> layouts = new ArrayList<>(segments.size());
        List<LayoutRange> ranges = new ArrayList<>(segments.size());
        int size = RESULT_OVERHEAD;
        for (LayoutSegment s : segments) {
            layouts.add(new Layout4(s.offset(), s.length(), s.ioMode().wire(),
                    new LayoutContent4(s.layoutType(), s.body())));
            ranges.add(new LayoutRange(s.ioMode(), s.offset(), s.length()));
            size += SEGMENT_OVERHEAD + ((s.body().length + 3) & ~3);
        }
        if (size > args.maxCount) {
            table.release(client, inode);
            throw new TooSmallException("layout needs " + size + " bytes, maxcount " + args.maxCount);
        }
        StateId sid = table.grant(ctx.services().epoch(), client, inode, fh, args.layoutType, ranges);
        ctx.setCurrentStateid(sid);
        return new LayoutGet4Res(false, Stateids.xdr(sid), layouts);
    }

    private void checkStateid(CompoundContext ctx, long client, Inode inode, LayoutIoMode mode, StateId sid)
            throws NfsException {
        if (sid.isSpecial()) {
            throw new BadStateidException("LAYOUTGET needs an open, lock, delegation or layout stateid");
        }
        if (!LayoutStateTable.isLayoutStateid(sid)) {
            ctx.services().states().checkIo(client, sid, inode, mode == LayoutIoMode.READ_WRITE);
        }
        table.checkGet(client, inode, sid);
    }
}
