package org.gfspnfs.nfs41.ops;

import java.util.List;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.export.ExportOptions;
import org.gfspnfs.nfs41.status.AccessDeniedException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.Component4;
import org.gfspnfs.nfs41.xdr.Secinfo4Res;

/**
 * SECINFO (RFC 8881 section 18.29): the flavors accepted for the named object's export. Like every SECINFO it
 * consumes the current file handle (section 2.6.3.1.1.8).
 */
final class SecinfoOp implements Operation<Component4> {
    @Override
    public XdrAble execute(CompoundContext ctx, Component4 args) throws NfsException {
        String name = Names.component(args.name);
        Files.requireDir(ctx);
        Inode child = ctx.services().vfs().lookup(ctx.currentInode(), name);
        int export = ctx.services().exportAccess().exportOfChild(ctx.currentFh().exportId(), child);
        ctx.clearCurrentFh();
        return new Secinfo4Res(flavors(ctx, export));
    }

    static List<Integer> flavors(CompoundContext ctx, int export) throws NfsException {
        ExportOptions o = ctx.services().exportAccess().options(export, ctx.origin().remote().getAddress())
                .orElseThrow(() -> new AccessDeniedException("not exported to this client"));
        return List.copyOf(o.flavors());
    }
}
