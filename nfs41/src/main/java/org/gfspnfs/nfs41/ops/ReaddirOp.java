package org.gfspnfs.nfs41.ops;

import java.nio.ByteBuffer;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.attr.AttributeEncoder;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.BadCookieException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.StaleException;
import org.gfspnfs.nfs41.status.NoEntException;
import org.gfspnfs.nfs41.status.TooSmallException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.DirEntry;
import org.gfspnfs.nfs41.vfs.DirPage;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.xdr.Entry4;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.Readdir4Args;
import org.gfspnfs.nfs41.xdr.Readdir4Res;

/**
 * READDIR (RFC 8881 section 18.23): entries after a cookie with the requested attributes, filling at most
 * {@code maxcount} bytes of reply. Cookies 1 and 2 are reserved (BAD_COOKIE); a cookie from another directory
 * verifier is NOT_SAME (from the filesystem); a reply with room for no entry at all is TOOSMALL.
 */
final class ReaddirOp implements Operation<Readdir4Args> {
    /** Verifier, "no more entries" marker and eof. */
    private static final int REPLY_OVERHEAD = 16;
    /** Most entries asked of the filesystem at once. */
    private static final int PAGE = 256;
    /**
     * Entries asked for first, before their size is known: each entry asked for costs its attributes (an inode
     * read under its glock), and those that do not fit the reply are read again by the next READDIR.
     */
    private static final int FIRST_PAGE = 16;

    @Override
    public XdrAble execute(CompoundContext ctx, Readdir4Args args) throws NfsException {
        if (args.cookie == 1 || args.cookie == 2) {
            throw new BadCookieException("reserved cookie " + args.cookie);
        }
        Stat dirSt = Files.requireDir(ctx);
        FileHandle dirFh = ctx.currentFh();
        Files.require(ctx, dirFh.inode(), dirSt, Access.READ);
        long verifier = args.cookie == 0 ? 0 : ByteBuffer.wrap(args.cookieVerf).getLong();
        Readdir4Res res = new Readdir4Res();
        int budget = ReplyLimits.readdir(ctx, args.maxCount) - REPLY_OVERHEAD;
        long cookie = args.cookie;
        AttributeEncoder.Plan plan = ctx.services().attrEncoder().plan(args.attrRequest);
        int want = FIRST_PAGE;
        int room = budget;
        while (true) {
            DirPage page = ctx.services().vfs().readdir(dirFh.inode(), cookie, verifier, want);
            verifier = page.verifier();
            for (DirEntry e : page.entries()) {
                Entry4 entry = entry(ctx, dirFh, e, plan);
                if (entry == null) {
                    continue;
                }
                int size = 4 + 8 + 4 + pad(entry.name.length) + 4 + 4 * entry.attrs.attrmask.length + 4
                        + pad(entry.attrs.attrVals.length);
                if (size > budget) {
                    return finish(res, verifier, false);
                }
                budget -= size;
                res.entries.add(entry);
                cookie = e.cookie();
            }
            if (page.eof()) {
                return finish(res, verifier, true);
            }
            if (page.entries().isEmpty()) {
                return finish(res, verifier, false);
            }
            // As many as the room left holds at the size of the entries so far, and one more to fill it.
            long average = res.entries.isEmpty() ? 1 : Math.max(1, (room - budget) / res.entries.size());
            want = (int) Math.min(PAGE, budget / average + 1);
        }
    }

    private static Readdir4Res finish(Readdir4Res res, long verifier, boolean eof) throws NfsException {
        if (res.entries.isEmpty() && !eof) {
            throw new TooSmallException("maxcount leaves no room for an entry");
        }
        res.cookieVerf = ByteBuffer.allocate(8).putLong(verifier).array();
        res.eof = eof;
        return res;
    }

    private static Entry4 entry(CompoundContext ctx, FileHandle dirFh, DirEntry e, AttributeEncoder.Plan plan)
            throws NfsException {
        Inode inode = e.inode();
        Stat st = e.stat();
        if (st == null) {
            try {
                st = ctx.services().vfs().getattr(inode);
            } catch (NoEntException | StaleException gone) {
                return null;
            }
        }
        int export = ctx.services().exportAccess().exportOfChild(dirFh.exportId(), inode);
        FileHandle fh = ctx.handle(export, inode);
        Fattr4 attrs = ctx.services().attrEncoder().encode(plan, Files.source(ctx, fh, st));
        return new Entry4(e.cookie(), Names.bytes(e.name()), attrs);
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
