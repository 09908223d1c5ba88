package org.gfspnfs.gfs.format;

/** Metadata block types (header field at offset 4), see FORMAT.md. */
public enum MetaType {
    SB(1), RG(2), RB(3), DI(4), IN(5), LF(6), JD(7), LH(8), LD(9);

    private final int code;

    MetaType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this code, or null. */
    public static MetaType of(int code) {
        for (MetaType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
