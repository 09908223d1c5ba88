package org.gfspnfs.nfs41.ops;

import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.export.PnfsMode;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutProvider;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.LayoutUnavailableException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.UnknownLayoutTypeException;

/** Checks the pNFS operations share (RFC 8881 sections 18.40-18.44). */
final class PnfsChecks {
    private PnfsChecks() {
    }

    /** The layout provider; a server that is no MDS has no layouts (NFS4ERR_LAYOUTUNAVAILABLE). */
    static LayoutProvider provider(CompoundContext ctx) throws NfsException {
        LayoutProvider p = ctx.services().layouts();
        if (p == null) {
            throw new LayoutUnavailableException("not a pNFS metadata server");
        }
        return p;
    }

    /** The layout type must be one the provider offers (NFS4ERR_UNKNOWN_LAYOUTTYPE). */
    static void layoutType(LayoutProvider p, int type) throws NfsException {
        for (int t : p.layoutTypes()) {
            if (t == type) {
                return;
            }
        }
        throw new UnknownLayoutTypeException("layout type " + type);
    }

    /**
     * The layout type must be the one the current handle's export hands out (export option {@code pnfs=}):
     * an export with {@code pnfs=none} has no layouts (NFS4ERR_LAYOUTUNAVAILABLE, all I/O through the MDS), another
     * type than the export's is NFS4ERR_UNKNOWN_LAYOUTTYPE, as is a type the provider does not offer.
     */
    static void exportLayoutType(CompoundContext ctx, LayoutProvider p, int type) throws NfsException {
        PnfsMode mode = ctx.exportOptions().pnfs();
        if (mode == PnfsMode.NONE) {
            throw new LayoutUnavailableException("export has pnfs=none");
        }
        if (mode.layoutType() != type) {
            throw new UnknownLayoutTypeException("layout type " + type + ", export hands out " + mode);
        }
        layoutType(p, type);
    }

    /** The fs_layout_types of the export a handle belongs to: the export's type if the provider offers it. */
    static int[] exportLayoutTypes(CompoundContext ctx, int exportId) throws NfsException {
        LayoutProvider p = ctx.services().layouts();
        if (p == null) {
            return new int[0];
        }
        int wanted = ctx.exportOptions(exportId).pnfs().layoutType();
        for (int t : p.layoutTypes()) {
            if (t == wanted) {
                return new int[] {t};
            }
        }
        return new int[0];
    }

    /** An iomode from the wire; {@code allowAny} for LAYOUTRETURN (a LAYOUTGET must ask READ or RW). */
    static LayoutIoMode ioMode(int wire, boolean allowAny) throws NfsException {
        try {
            LayoutIoMode m = LayoutIoMode.of(wire);
            if (m == LayoutIoMode.ANY && !allowAny) {
                throw new InvalException("LAYOUTIOMODE4_ANY in LAYOUTGET");
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw new InvalException("iomode " + wire);
        }
    }

    /** A range: length 0 is INVAL, and one that wraps past 2^64 (other than length all ones) too. */
    static void range(long offset, long length) throws NfsException {
        if (length == 0) {
            throw new InvalException("zero length");
        }
        if (length != -1 && Long.compareUnsigned(offset + length, offset) < 0) {
            throw new InvalException("range wraps");
        }
    }
}
