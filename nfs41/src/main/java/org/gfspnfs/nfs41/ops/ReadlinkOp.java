package org.gfspnfs.nfs41.ops;

import java.nio.charset.StandardCharsets;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.FileType;
import org.gfspnfs.nfs41.xdr.Readlink4Res;

/** READLINK (RFC 8881 section 18.24): the text of a symbolic link; INVAL for anything else. */
final class ReadlinkOp implements Operation<XdrVoid> {
    @Override
    public XdrAble execute(CompoundContext ctx, XdrVoid args) throws NfsException {
        ctx.exportOptions();
        if (ctx.services().vfs().getattr(ctx.currentInode()).type() != FileType.SYMLINK) {
            throw new InvalException("not a symbolic link");
        }
        String target = ctx.services().vfs().readlink(ctx.currentInode());
        return new Readlink4Res(target.getBytes(StandardCharsets.UTF_8));
    }
}
