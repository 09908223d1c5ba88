package org.gfspnfs.conf;

import java.util.Locale;
import java.util.Optional;

/**
 * What a node serves to NFS clients (RFC 8881 section 12.2.2: metadata server and storage devices).
 * Every node also takes part in membership, the DLM and the control channel whatever its roles.
 */
public enum Role {
    /** pNFS metadata server. Several nodes may hold it: the first live one (lowest nodeid) is active. */
    MDS,
    /** pNFS data server (files layout storage device) on the shared disk. */
    DS;

    /** The spelling used in {@code roles="mds,ds"}. */
    public String confName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Role> fromConfName(String text) {
        for (Role role : values()) {
            if (role.confName().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
