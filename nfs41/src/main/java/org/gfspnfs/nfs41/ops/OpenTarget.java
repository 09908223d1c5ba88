package org.gfspnfs.nfs41.ops;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.attr.Bitmaps;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.state.DelegationState;
import org.gfspnfs.nfs41.state.OpenState;
import org.gfspnfs.nfs41.state.State;
import org.gfspnfs.nfs41.status.AccessDeniedException;
import org.gfspnfs.nfs41.status.BadStateidException;
import org.gfspnfs.nfs41.status.ExistException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.OpenModeException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.Caller;
import org.gfspnfs.nfs41.vfs.FileType;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.SetAttributes;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.vfs.TimeSetting;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;
import org.gfspnfs.nfs41.xdr.Open4Args;

/**
 * Finds or creates the file an OPEN names (RFC 8881 section 18.16.3): UNCHECKED4 opens an existing file (applying
 * a size of 0 as truncation), GUARDED4 fails with EXIST, EXCLUSIVE4/EXCLUSIVE4_1 store the client's verifier in
 * the new file's atime/mtime so that a retransmitted create finds its own file and succeeds.
 */
final class OpenTarget {
    private OpenTarget() {
    }

    record Result(Inode inode, Stat stat, boolean created, long dirChangeBefore, long dirChangeAfter,
                  int[] attrSet) {
    }

    /** CLAIM_FH / CLAIM_PREVIOUS: the current file handle is the file. */
    static Result current(CompoundContext ctx, Open4Args args) throws NfsException {
        if (args.openType == Open4Args.OPEN4_CREATE) {
            throw new InvalException("create with a claim by handle");
        }
        Inode inode = ctx.currentInode();
        Stat st = ctx.services().vfs().getattr(inode);
        return new Result(inode, st, false, st.change(), st.change(), new int[0]);
    }

    /**
     * CLAIM_DELEGATE_CUR (by name) / CLAIM_DELEG_CUR_FH: an open the client made under its delegation. A read
     * delegation covers only opens for reading (NFS4ERR_OPENMODE otherwise, as Linux nfsd answers).
     */
    static Result delegated(CompoundContext ctx, Open4Args args) throws NfsException {
        if (args.openType == Open4Args.OPEN4_CREATE) {
            throw new InvalException("create with a delegation claim");
        }
        Inode inode = ctx.currentInode();
        if (args.claimType == Open4Args.CLAIM_DELEGATE_CUR) {
            Files.requireDir(ctx);
            inode = ctx.services().vfs().lookup(inode, Names.component(args.claimName));
        }
        State s = ctx.services().states().resolve(ctx.client().id(),
                ctx.resolveStateid(Stateids.of(args.claimStateid)));
        if (!(s instanceof DelegationState d) || !s.inode().equals(inode)) {
            throw new BadStateidException("not a delegation of this file");
        }
        if (!d.write() && (args.shareAccess & OpenState.ACCESS_WRITE) != 0) {
            throw new OpenModeException("a read delegation does not cover an open for writing");
        }
        Stat st = ctx.services().vfs().getattr(inode);
        return new Result(inode, st, false, st.change(), st.change(), new int[0]);
    }

    /** CLAIM_NULL: the name in the current directory, created if asked. */
    static Result byName(CompoundContext ctx, Open4Args args) throws NfsException {
        String name = Names.component(args.claimName);
        Stat dirSt = Files.requireDir(ctx);
        VirtualFileSystem vfs = ctx.services().vfs();
        Inode dir = ctx.currentInode();
        Files.require(ctx, dir, dirSt, Access.LOOKUP);
        // change_info is reported non-atomic, so the attributes read for the checks serve as "before".
        long before = dirSt.change();
        if (args.openType != Open4Args.OPEN4_CREATE) {
            Inode inode = vfs.lookup(dir, name);
            return new Result(inode, vfs.getattr(inode), false, before, before, new int[0]);
        }
        SetAttributes attrs = args.createAttrs == null ? SetAttributes.NONE
                : ctx.services().attrDecoder().decode(args.createAttrs);
        boolean exclusive = args.createMode == Open4Args.EXCLUSIVE4 || args.createMode == Open4Args.EXCLUSIVE4_1;
        Caller caller = ctx.caller();
        Inode inode;
        try {
            Files.require(ctx, dir, dirSt, Access.EXTEND);
            inode = vfs.create(dir, name, FileType.REGULAR, attrs.mode() != null ? attrs.mode() : 0644, caller, 0, 0);
        } catch (ExistException | AccessDeniedException e) {
            return existing(ctx, args, dir, name, attrs, exclusive, before, e);
        }
        // A new file is empty: the size 0 that O_TRUNC adds to every create (Linux) would be a truncate for nothing.
        Long size = attrs.size() != null && attrs.size() == 0 ? null : attrs.size();
        SetAttributes rest = new SetAttributes(null, attrs.uid(), attrs.gid(), size, attrs.atime(), attrs.mtime());
        if (exclusive) {
            rest = rest.withTimes(verifierTime(args.createVerifier, 0), verifierTime(args.createVerifier, 4));
        }
        if (!rest.isEmpty()) {
            vfs.setattr(inode, rest);
        }
        int[] attrSet = args.createAttrs == null ? new int[0] : withoutTimes(args.createAttrs.attrmask);
        return new Result(inode, vfs.getattr(inode), true, before, Files.change(vfs, dir), attrSet);
    }

    private static Result existing(CompoundContext ctx, Open4Args args, Inode dir, String name, SetAttributes attrs,
                                   boolean exclusive, long before, NfsException cause) throws NfsException {
        VirtualFileSystem vfs = ctx.services().vfs();
        Inode inode;
        try {
            inode = vfs.lookup(dir, name);
        } catch (NfsException notThere) {
            throw cause;
        }
        Stat st = vfs.getattr(inode);
        if (args.createMode == Open4Args.GUARDED4) {
            throw new ExistException(name);
        }
        if (exclusive) {
            if (st.atime().equals(verifierTime(args.createVerifier, 0).time())
                    && st.mtime().equals(verifierTime(args.createVerifier, 4).time())) {
                return new Result(inode, st, true, before, before, new int[0]);
            }
            throw new ExistException(name);
        }
        if (cause instanceof AccessDeniedException && st.type() != FileType.REGULAR) {
            throw cause;
        }
        if (attrs.size() != null && attrs.size() == 0 && st.type() == FileType.REGULAR && st.size() != 0) {
            Files.require(ctx, inode, Access.MODIFY);
            st = vfs.setattr(inode, SetAttributes.NONE.withSize(0L));
        }
        return new Result(inode, st, false, before, before, new int[0]);
    }

    /** Permission to open an existing file for the share access asked. */
    static void checkAccess(CompoundContext ctx, Result target, int access) throws NfsException {
        Caller caller = ctx.caller();
        if (caller.uid() == target.stat().uid() && !caller.isRoot()) {
            // POSIX checks the owner's own bits; NFS servers let the owner through to cover open-then-chmod.
            return;
        }
        int needed = 0;
        if ((access & OpenState.ACCESS_READ) != 0) {
            needed |= Access.READ;
        }
        if ((access & OpenState.ACCESS_WRITE) != 0) {
            needed |= Access.MODIFY;
        }
        Files.require(ctx, target.inode(), needed);
    }

    /** 4 bytes of the verifier as a time in seconds: stable, exact, and recognisable on a retry. */
    private static TimeSetting verifierTime(byte[] verifier, int offset) {
        long seconds = Integer.toUnsignedLong(ByteBuffer.wrap(verifier, offset, 4).getInt());
        return TimeSetting.of(Instant.ofEpochSecond(seconds));
    }

    private static int[] withoutTimes(int[] mask) {
        java.util.BitSet s = Bitmaps.toBitSet(mask);
        s.clear(Attr.TIME_ACCESS_SET);
        s.clear(Attr.TIME_MODIFY_SET);
        return Bitmaps.of(s);
    }
}
