package org.gfspnfs.nfs41.state;

import java.util.HexFormat;

/** An open-owner or lock-owner: the client id and the client's opaque owner name (RFC 8881 section 3.3.12). */
public record OwnerKey(long clientId, String owner) {
    public static OwnerKey of(long clientId, byte[] owner) {
        return new OwnerKey(clientId, HexFormat.of().formatHex(owner));
    }

    public byte[] ownerBytes() {
        return HexFormat.of().parseHex(owner);
    }
}
