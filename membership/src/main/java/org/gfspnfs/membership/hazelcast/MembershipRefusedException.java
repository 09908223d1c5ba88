package org.gfspnfs.membership.hazelcast;

/**
 * This process may not be a member of the cluster: its node is not in {@code cluster.conf}, the cluster runs
 * another {@code config_version}, or another process is already this node. The message says which and what to do.
 */
public final class MembershipRefusedException extends Exception {
    public MembershipRefusedException(String message) {
        super(message);
    }
}
