package org.gfspnfs.bench.rpc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** AUTH_SYS credentials (RFC 5531 appendix A): encoded once, sent with every call. */
public record AuthSys(int uid, int gid, int[] gids, String machine) {
    static final int FLAVOR = 1;
    private static final int MAX_GIDS = 16;
    private static final int MAX_MACHINE = 255;

    public AuthSys {
        gids = gids.clone();
        if (gids.length > MAX_GIDS) {
            throw new IllegalArgumentException("AUTH_SYS carries at most " + MAX_GIDS + " groups, not " + gids.length);
        }
        if (machine.getBytes(StandardCharsets.UTF_8).length > MAX_MACHINE) {
            throw new IllegalArgumentException("AUTH_SYS machine name over " + MAX_MACHINE + " bytes: " + machine);
        }
    }

    /** The opaque body: stamp, machine name, uid, gid, groups. */
    byte[] body() {
        byte[] name = machine.getBytes(StandardCharsets.UTF_8);
        int padded = (name.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + padded + 4 + 4 + 4 + 4 * gids.length);
        b.putInt(0).putInt(name.length).put(name).position(8 + padded);
        b.putInt(uid).putInt(gid).putInt(gids.length);
        for (int g : gids) {
            b.putInt(g);
        }
        return b.array();
    }
}
