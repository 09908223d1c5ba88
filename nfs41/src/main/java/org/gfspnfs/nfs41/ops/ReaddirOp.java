package org.gfspnfs.nfs41.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.attr.AttributeEncoder;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.BadCookieException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoEntException;
import org.gfspnfs.nfs41.status.ServerFaultException;
import org.gfspnfs.nfs41.status.StaleException;
import org.gfspnfs.nfs41.status.TooSmallException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.DirEntry;
import org.gfspnfs.nfs41.vfs.DirPage;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.xdr.PreEncoded;
import org.gfspnfs.nfs41.xdr.Readdir4Args;
import org.gfspnfs.nfs41.xdr.XdrByteWriter;

/**
 * READDIR (RFC 8881 section 18.23): entries after a cookie with the requested attributes, filling at most
 * {@code maxcount} bytes of reply. Cookies 1 and 2 are reserved (BAD_COOKIE); a cookie from another directory
 * verifier is NOT_SAME (from the filesystem); a reply with room for no entry at all is TOOSMALL.
 *
 * <p>The reply (READDIR4resok) is written entry by entry into one array as the filesystem hands out pages of
 * entries, and while one page is encoded the next is read on a helper thread: a client waits for the whole reply
 * before it asks for more, so the filesystem's half of the work and the encoder's half would otherwise each leave
 * the other core idle.
 */
final class ReaddirOp implements Operation<Readdir4Args> {
    /** The list's end marker and eof. */
    private static final int TRAILER = 8;
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
        int limit = ReplyLimits.readdir(ctx, args.maxCount);
        Reply reply = new Reply(ctx, dirFh, ctx.services().attrEncoder().plan(args.attrRequest), limit);
        DirPage page = ctx.services().vfs().readdir(dirFh.inode(), args.cookie, verifier, FIRST_PAGE);
        verifier = page.verifier();
        reply.start(verifier);
        while (true) {
            List<DirEntry> entries = page.entries();
            FutureTask<DirPage> next = null;
            if (!page.eof() && !entries.isEmpty() && reply.entries > 0) {
                // Sized by the entries written so far (none yet: the first page is written before anything more
                // is asked for, so a small reply does not read a page of attributes it has no room for).
                int want = reply.entriesLeftAfter(entries);
                if (want > 0) {
                    next = readAhead(ctx, dirFh.inode(), entries.get(entries.size() - 1).cookie(), verifier, want);
                }
            }
            for (DirEntry e : entries) {
                if (!reply.add(e)) {
                    if (next != null) {
                        next.cancel(false);   // not needed; stops it only if the helper has not begun it
                    }
                    return reply.finish(false);
                }
            }
            if (page.eof() || entries.isEmpty()) {
                return reply.finish(page.eof());
            }
            long after = entries.get(entries.size() - 1).cookie();
            page = next != null ? await(next)
                    : ctx.services().vfs().readdir(dirFh.inode(), after, verifier, reply.entriesLeftAfter(List.of()));
        }
    }

    /** Reads the page after {@code cookie} on the helper thread, or on this one if the helper has not begun it. */
    private static FutureTask<DirPage> readAhead(CompoundContext ctx, Inode dir, long cookie, long verifier,
                                                 int want) {
        FutureTask<DirPage> task = new FutureTask<>(() -> ctx.services().vfs().readdir(dir, cookie, verifier, want));
        Executor helper = ctx.services().helper();
        try {
            helper.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            // run by await()
        }
        return task;
    }

    private static DirPage await(FutureTask<DirPage> task) throws NfsException {
        task.run();   // does nothing if the helper has it
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NfsException n) {
                throw n;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ServerFaultException("reading a directory page: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerFaultException("interrupted reading a directory page");
        }
    }

    /** READDIR4resok as it is written: verifier, entries, then the trailer. */
    private static final class Reply {
        private final CompoundContext ctx;
        private final FileHandle dirFh;
        private final AttributeEncoder.Plan plan;
        private final int limit;
        private final XdrByteWriter out;
        private int entries;

        Reply(CompoundContext ctx, FileHandle dirFh, AttributeEncoder.Plan plan, int limit) {
            this.ctx = ctx;
            this.dirFh = dirFh;
            this.plan = plan;
            this.limit = limit;
            this.out = new XdrByteWriter(Math.min(limit, 256 << 10));
        }

        void start(long verifier) {
            out.xdrEncodeLong(verifier);
        }

        /**
         * Entries worth asking for after {@code pending} (not yet written): as many as the room left holds at the
         * size of the entries so far, and one more to fill it; 0 when the pending ones will likely fill it. With
         * nothing written yet, a first page's worth.
         */
        int entriesLeftAfter(List<DirEntry> pending) {
            if (entries == 0) {
                return FIRST_PAGE;
            }
            long average = Math.max(1, (out.length() - 8) / entries);
            long room = limit - TRAILER - out.length() - pending.size() * average;
            return room < 0 ? 0 : (int) Math.min(PAGE, room / average + 1);
        }

        /** Writes one entry if it fits (true), else writes nothing (false). */
        boolean add(DirEntry e) throws NfsException {
            Inode inode = e.inode();
            Stat st = e.stat();
            if (st == null) {
                try {
                    st = ctx.services().vfs().getattr(inode);
                } catch (NoEntException | StaleException gone) {
                    return true;   // removed since it was listed: skipped
                }
            }
            int export = ctx.services().exportAccess().exportOfChild(dirFh.exportId(), inode);
            FileHandle fh = ctx.handle(export, inode);
            int at = out.length();
            out.xdrEncodeBoolean(true);
            out.xdrEncodeLong(e.cookie());
            out.xdrEncodeDynamicOpaque(e.name().getBytes(StandardCharsets.UTF_8));
            ctx.services().attrEncoder().encodeInto(plan, Files.source(ctx, fh, st), out);
            if (out.length() + TRAILER > limit) {
                out.truncate(at);
                return false;
            }
            entries++;
            return true;
        }

        XdrAble finish(boolean eof) throws NfsException {
            if (entries == 0 && !eof) {
                throw new TooSmallException("maxcount leaves no room for an entry");
            }
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(eof);
            return new PreEncoded(out);
        }
    }
}
