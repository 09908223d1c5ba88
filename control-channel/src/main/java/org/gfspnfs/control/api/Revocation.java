package org.gfspnfs.control.api;

import java.util.List;
import java.util.Objects;

/**
 * An MDS -> DS notification that state is gone: listed stateids, everything of one client, or everything of one
 * filehandle. The DS drops cached validation answers that match and refuses I/O under them.
 */
public record Revocation(Scope scope, List<byte[]> stateids, long clientId, byte[] fileHandle) {
    /** What the revocation covers. */
    public enum Scope { STATEIDS, CLIENT, FILE }

    public Revocation {
        Objects.requireNonNull(scope, "scope");
        stateids = stateids.stream().map(byte[]::clone).toList();
        fileHandle = fileHandle.clone();
    }

    public static Revocation stateids(List<byte[]> stateids) {
        return new Revocation(Scope.STATEIDS, stateids, 0, new byte[0]);
    }

    public static Revocation client(long clientId) {
        return new Revocation(Scope.CLIENT, List.of(), clientId, new byte[0]);
    }

    public static Revocation file(byte[] fileHandle) {
        return new Revocation(Scope.FILE, List.of(), 0, fileHandle);
    }

    @Override
    public List<byte[]> stateids() {
        return stateids.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] fileHandle() {
        return fileHandle.clone();
    }
}
