package org.gfspnfs.control.api;

import java.util.Objects;

/** What a layout recall covers (CB_LAYOUTRECALL, RFC 8881 section 20.3): one file's layouts, or one client's. */
public record RecallTarget(Kind kind, String file, long clientId) {
    /** LAYOUTRECALL4_FILE or LAYOUTRECALL4_FSID-like "all of a client". */
    public enum Kind { FILE, CLIENT }

    public RecallTarget {
        Objects.requireNonNull(kind, "kind");
        file = kind == Kind.FILE ? Objects.requireNonNull(file, "file") : "";
    }

    public static RecallTarget file(String file) {
        return new RecallTarget(Kind.FILE, file, 0);
    }

    public static RecallTarget client(long clientId) {
        return new RecallTarget(Kind.CLIENT, null, clientId);
    }
}
