package org.gfspnfs.control.api;

import java.util.Objects;

/** Which layouts a layouts query wants: all, those of one file, or those naming one data server. */
public record LayoutFilter(Kind kind, String value) {
    /** The dimension to filter on. */
    public enum Kind { ALL, FILE, DATA_SERVER }

    public LayoutFilter {
        Objects.requireNonNull(kind, "kind");
        value = kind == Kind.ALL ? "" : Objects.requireNonNull(value, "value");
    }

    public static LayoutFilter all() {
        return new LayoutFilter(Kind.ALL, "");
    }

    public static LayoutFilter file(String file) {
        return new LayoutFilter(Kind.FILE, file);
    }

    public static LayoutFilter dataServer(String node) {
        return new LayoutFilter(Kind.DATA_SERVER, node);
    }
}
