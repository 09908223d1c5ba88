package org.gfspnfs.membership.sbd;

import java.io.IOException;

/** A fence-area slot or header that does not decode: treated like an unreadable disk (the watchdog counts it). */
public final class CorruptSlotException extends IOException {
    public CorruptSlotException(String message) {
        super(message);
    }
}
