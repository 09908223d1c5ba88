package org.gfspnfs.nfs41.export;

import org.gfspnfs.nfs41.pnfs.LayoutTypes;

/**
 * Which pNFS layout type an export hands out (export option {@code pnfs=files|flexfiles|none}): the files layout
 * (RFC 8881 chapter 13, the default), the flexible files layout (RFC 8435), or none, so every READ and WRITE goes
 * through the metadata server. The client learns it from the fs_layout_types attribute (RFC 8881 section 5.12.1)
 * and loads the matching layout driver.
 */
public enum PnfsMode {
    FILES(LayoutTypes.NFSV4_1_FILES),
    FLEX_FILES(LayoutTypes.FLEX_FILES),
    NONE(0);

    private final int layoutType;

    PnfsMode(int layoutType) {
        this.layoutType = layoutType;
    }

    /** The layouttype4 value; 0 for {@link #NONE}. */
    public int layoutType() {
        return layoutType;
    }

    /** The option value: {@code files}, {@code flexfiles} or {@code none}. */
    public static PnfsMode parse(String value) {
        return switch (value) {
            case "files" -> FILES;
            case "flexfiles" -> FLEX_FILES;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("pnfs=" + value + ": expected files, flexfiles or none");
        };
    }
}
