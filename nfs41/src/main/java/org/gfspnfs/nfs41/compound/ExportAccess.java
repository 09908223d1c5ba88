package org.gfspnfs.nfs41.compound;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gfspnfs.nfs41.export.Export;
import org.gfspnfs.nfs41.export.ExportOptions;
import org.gfspnfs.nfs41.export.ExportTable;
import org.gfspnfs.nfs41.export.Squash;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which export a file handle belongs to. Export roots are resolved to inodes once at start; a LOOKUP into an export
 * root enters that export, LOOKUPP out of one returns to the enclosing export, and everything else inherits its
 * parent's export. Directories above every export form a read-only pseudo area (export id 0) that any client
 * allowed somewhere may traverse, so "mount server:/export" works when /export is not the filesystem root.
 */
public final class ExportAccess {
    /** The export id of the pseudo area above the exports. */
    public static final int PSEUDO = 0;
    private static final Logger LOG = LoggerFactory.getLogger(ExportAccess.class);
    private static final ExportOptions PSEUDO_OPTIONS = new ExportOptions(true, Squash.ALL, ExportOptions.NOBODY,
            ExportOptions.NOBODY, List.of(1, 0));

    private final ExportTable table;
    private final Map<Inode, Export> roots = new HashMap<>();
    private final Map<Integer, Integer> enclosing = new HashMap<>();
    private final int rootExportId;

    public ExportAccess(ExportTable table, VirtualFileSystem vfs) throws NfsException {
        this.table = table;
        Inode fsRoot = vfs.root();
        for (Export e : table.exports()) {
            Inode dir = fsRoot;
            try {
                for (String c : e.components()) {
                    dir = vfs.lookup(dir, c);
                }
                roots.put(dir, e);
            } catch (NfsException ex) {
                LOG.warn("export {} does not exist in the filesystem and is not served: {}", e.path(), ex.getMessage());
            }
        }
        for (Export e : table.exports()) {
            enclosing.put(e.id(), enclosingOf(e));
        }
        Export atRoot = roots.get(fsRoot);
        rootExportId = atRoot != null ? atRoot.id() : PSEUDO;
    }

    private int enclosingOf(Export e) {
        Export best = null;
        for (Export o : table.exports()) {
            if (o != e && isPrefix(o.path(), e.path()) && (best == null || o.path().length() > best.path().length())) {
                best = o;
            }
        }
        return best == null ? PSEUDO : best.id();
    }

    private static boolean isPrefix(String parent, String child) {
        return parent.equals("/") || child.startsWith(parent + "/");
    }

    /** The export id of the filesystem root (PUTROOTFH). */
    public int rootExportId() {
        return rootExportId;
    }

    /** The export of {@code child}, found by LOOKUP from a directory in export {@code parentExport}. */
    public int exportOfChild(int parentExport, Inode child) {
        Export e = roots.get(child);
        return e != null ? e.id() : parentExport;
    }

    /** The export of the parent reached by LOOKUPP from {@code dir} in export {@code exportId}. */
    public int exportOfParent(int exportId, Inode dir) {
        Export e = roots.get(dir);
        if (e != null && e.id() == exportId) {
            return enclosing.getOrDefault(exportId, PSEUDO);
        }
        return exportId;
    }

    /** The options a client has on an export; empty if the export is unknown or not shared with it. */
    public Optional<ExportOptions> options(int exportId, InetAddress client) {
        if (exportId == PSEUDO) {
            boolean anywhere = table.exports().stream().anyMatch(e -> e.optionsFor(client).isPresent());
            return anywhere ? Optional.of(PSEUDO_OPTIONS) : Optional.empty();
        }
        return table.byId(exportId).flatMap(e -> e.optionsFor(client));
    }
}
