package org.gfspnfs.nfs41.compound;

import java.time.Duration;

/**
 * Typed settings of one engine instance, with their defaults. Built by the server builder; the values appear on
 * the wire as attributes (lease_time, maxread, maxwrite) and channel limits (CREATE_SESSION).
 *
 * @param lease         client lease (lease_time attribute; RFC 8881 section 8.3)
 * @param grace         how long reclaims are accepted after a restart (section 8.4.2)
 * @param maxIo         largest READ/WRITE payload, bytes (maxread/maxwrite)
 * @param slots         fore channel slots granted per session at most (ca_maxrequests)
 * @param maxOps        operations per COMPOUND at most (ca_maxoperations)
 * @param serverOwner   so_major_id: equal for servers that share state (all MDS candidates of one cluster)
 * @param serverScope   eir_server_scope: equal for servers that hand out the same file handles
 */
public record EngineConfig(Duration lease, Duration grace, int maxIo, int slots, int maxOps, String serverOwner,
                           String serverScope) {

    public static EngineConfig defaults() {
        return new EngineConfig(Duration.ofSeconds(90), Duration.ofSeconds(90), 1 << 20, 64, 64, "gfs-pnfs",
                "gfs-pnfs");
    }

    /** Largest request or reply we accept on the fore channel: an I/O payload plus room for the rest. */
    public int maxMessage() {
        return maxIo + (64 << 10);
    }

    public EngineConfig withLease(Duration l) {
        return new EngineConfig(l, grace, maxIo, slots, maxOps, serverOwner, serverScope);
    }

    public EngineConfig withGrace(Duration g) {
        return new EngineConfig(lease, g, maxIo, slots, maxOps, serverOwner, serverScope);
    }
}
