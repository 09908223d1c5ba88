package org.gfspnfs.dlm.glock;

import org.gfspnfs.dlm.api.LockMode;

/** The glock state <-> DLM mode mapping of lock_dlm (gdlm_lock: LM_ST_SHARED -> PR, DEFERRED -> CW ...). */
final class GlockModes {
    private GlockModes() {
    }

    static LockMode toDlm(org.gfspnfs.gfs.lock.LockMode glock) {
        return switch (glock) {
            case UN -> LockMode.NL;
            case SH -> LockMode.PR;
            case DF -> LockMode.CW;
            case EX -> LockMode.EX;
        };
    }

    /** The glock state a blocking request asks for; CR and PW are never requested by glocks. */
    static org.gfspnfs.gfs.lock.LockMode toGlock(LockMode dlm) {
        return switch (dlm) {
            case NL -> org.gfspnfs.gfs.lock.LockMode.UN;
            case CR, PR -> org.gfspnfs.gfs.lock.LockMode.SH;
            case CW -> org.gfspnfs.gfs.lock.LockMode.DF;
            case PW, EX -> org.gfspnfs.gfs.lock.LockMode.EX;
        };
    }
}
