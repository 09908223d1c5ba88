package org.gfspnfs.nfs41.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parsed exports file: exports by id and in file order. Immutable; reloading builds a new table. */
public final class ExportTable {
    private final List<Export> exports;
    private final Map<Integer, Export> byId = new HashMap<>();

    public ExportTable(List<Export> exports) {
        this.exports = List.copyOf(exports);
        for (Export e : exports) {
            if (byId.put(e.id(), e) != null) {
                throw new IllegalArgumentException("two exports with id " + e.id() + " (use fsid= to separate)");
            }
        }
    }

    public List<Export> exports() {
        return exports;
    }

    public Optional<Export> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }
}
