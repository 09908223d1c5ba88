package org.gfspnfs.control.api;

import java.util.Objects;

/**
 * The question a data server asks the MDS (RFC 8881 section 13.9.1, "the MDS and storage devices must agree on
 * stateid validity"): is this 16-byte stateid valid for this filehandle and this access?
 */
public record StateidQuery(byte[] stateid, byte[] fileHandle, StateAccess access) {
    public static final int STATEID_SIZE = 16;
    public static final int MAX_FILEHANDLE = 128;

    public StateidQuery {
        Objects.requireNonNull(access, "access");
        if (stateid.length != STATEID_SIZE) {
            throw new IllegalArgumentException("stateid must be 16 bytes, got " + stateid.length);
        }
        if (fileHandle.length > MAX_FILEHANDLE) {
            throw new IllegalArgumentException("filehandle longer than NFS4_FHSIZE (128)");
        }
        stateid = stateid.clone();
        fileHandle = fileHandle.clone();
    }

    @Override
    public byte[] stateid() {
        return stateid.clone();
    }

    @Override
    public byte[] fileHandle() {
        return fileHandle.clone();
    }
}
