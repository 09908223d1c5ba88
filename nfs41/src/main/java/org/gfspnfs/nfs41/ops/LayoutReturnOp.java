package org.gfspnfs.nfs41.ops;

import java.util.Optional;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutProvider;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoGraceException;
import org.gfspnfs.nfs41.xdr.LayoutReturn4Args;
import org.gfspnfs.nfs41.xdr.OptionalStateid4;

/**
 * LAYOUTRETURN (RFC 8881 section 18.44) of a file range, of a filesystem, or of everything. A file return answers
 * the remaining layout stateid, or none when nothing of the file is held any more; FSID and ALL free every layout
 * of the client (this server exports one filesystem per instance). Layouts are not reclaimed across restarts.
 */
final class LayoutReturnOp implements Operation<LayoutReturn4Args> {
    private final LayoutStateTable table;

    LayoutReturnOp(LayoutStateTable table) {
        this.table = table;
    }

    @Override
    public XdrAble execute(CompoundContext ctx, LayoutReturn4Args args) throws NfsException {
        LayoutProvider provider = PnfsChecks.provider(ctx);
        PnfsChecks.layoutType(provider, args.layoutType);
        LayoutIoMode mode = PnfsChecks.ioMode(args.ioMode, true);
        if (args.reclaim) {
            throw new NoGraceException("layouts are not reclaimed");
        }
        long client = ctx.client().id();
        if (args.returnType != LayoutReturn4Args.RETURN_FILE) {
            for (LayoutStateTable.Holding h : table.returnAll(client)) {
                provider.layoutReturn(client, h.inode(), LayoutIoMode.ANY, 0, -1, new byte[0]);
            }
            return new OptionalStateid4(null);
        }
        Files.requireFile(ctx);
        PnfsChecks.exportLayoutType(ctx, provider, args.layoutType);
        PnfsChecks.range(args.offset, args.length);
        StateId sid = ctx.resolveStateid(Stateids.of(args.stateid));
        Optional<StateId> left = table.returnRange(client, ctx.currentInode(), sid, mode, args.offset,
                args.length);
        provider.layoutReturn(client, ctx.currentInode(), mode, args.offset, args.length, args.body);
        left.ifPresent(ctx::setCurrentStateid);
        return new OptionalStateid4(left.map(Stateids::xdr).orElse(null));
    }
}
