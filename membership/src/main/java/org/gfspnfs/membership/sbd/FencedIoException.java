package org.gfspnfs.membership.sbd;

import java.io.IOException;

/** A disk write refused by the {@link IoGate}: this node may not touch shared storage now (inquorate or fenced). */
public final class FencedIoException extends IOException {
    public FencedIoException(String message) {
        super(message);
    }
}
