package org.gfspnfs.nfs41.export;

import java.util.List;
import java.util.Objects;

import org.gfspnfs.nfs41.vfs.Caller;

/**
 * What one client pattern of an export may do (exports(5) options). {@code flavors} lists the accepted RPC
 * security flavors in preference order (1 = AUTH_SYS, 0 = AUTH_NONE), as SECINFO reports them. {@code pnfs} is the
 * layout type the export hands out ({@link PnfsMode}, files by default).
 */
public record ExportOptions(boolean readOnly, Squash squash, int anonUid, int anonGid, List<Integer> flavors,
                            PnfsMode pnfs) {
    public static final int NOBODY = 65534;

    public ExportOptions {
        Objects.requireNonNull(pnfs, "pnfs");
    }

    /** Options with the default layout type (files). */
    public ExportOptions(boolean readOnly, Squash squash, int anonUid, int anonGid, List<Integer> flavors) {
        this(readOnly, squash, anonUid, anonGid, flavors, PnfsMode.FILES);
    }

    public static ExportOptions defaults() {
        return new ExportOptions(true, Squash.ROOT, NOBODY, NOBODY, List.of(1));
    }

    /** The identity an RPC credential acts as under these options. AUTH_NONE is always anonymous. */
    public Caller squash(int flavor, int uid, int gid, int[] gids) {
        if (flavor != 1 || squash == Squash.ALL) {
            return new Caller(anonUid, anonGid, new int[0]);
        }
        if (squash == Squash.ROOT) {
            int[] g = gids.clone();
            for (int i = 0; i < g.length; i++) {
                if (g[i] == 0) {
                    g[i] = anonGid;
                }
            }
            return new Caller(uid == 0 ? anonUid : uid, gid == 0 ? anonGid : gid, g);
        }
        return new Caller(uid, gid, gids);
    }
}
