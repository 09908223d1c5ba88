package org.gfspnfs.dlm.net.msg;

import java.util.EnumSet;
import java.util.Set;

import org.gfspnfs.dlm.api.LockFlag;
import org.gfspnfs.dlm.api.LockMode;

/** Lock flags as a bit set on the wire (bit = ordinal). */
public final class FlagBits {
    private FlagBits() {
    }

    public static int of(Set<LockFlag> flags) {
        int bits = 0;
        for (LockFlag f : flags) {
            bits |= 1 << f.ordinal();
        }
        return bits;
    }

    public static boolean has(int bits, LockFlag flag) {
        return (bits & (1 << flag.ordinal())) != 0;
    }

    public static Set<LockFlag> toSet(int bits) {
        EnumSet<LockFlag> s = EnumSet.noneOf(LockFlag.class);
        for (LockFlag f : LockFlag.values()) {
            if (has(bits, f)) {
                s.add(f);
            }
        }
        return s;
    }

    static LockMode requireMode(LockMode m) {
        if (m == null) {
            throw new MalformedMessageException("missing lock mode");
        }
        return m;
    }
}
