package org.gfspnfs.nfs41.pnfs;

/** layoutiomode4 (RFC 8881 section 3.3.20). */
public enum LayoutIoMode {
    READ(1), READ_WRITE(2), ANY(3);

    private final int wire;

    LayoutIoMode(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }

    public static LayoutIoMode of(int wire) {
        for (LayoutIoMode m : values()) {
            if (m.wire == wire) {
                return m;
            }
        }
        throw new IllegalArgumentException("iomode " + wire);
    }
}
