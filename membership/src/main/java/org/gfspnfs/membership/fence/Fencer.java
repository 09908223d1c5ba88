package org.gfspnfs.membership.fence;

/**
 * One kind of fence agent (fenced's agents: {@code fence_ipmilan} and friends, sbd's poison pill, the manual
 * {@code fence_ack}). An agent cuts one victim off from shared storage through one fence device and reports
 * whether it is sure it did: only a {@link FenceOutcome#success() success} lets recovery of the victim's locks and
 * journal begin (DESIGN.md, recovery step 3).
 *
 * <p>Agents block the calling thread and must give up promptly when it is interrupted (a manual acknowledgement
 * or shutdown makes the run moot).
 */
@FunctionalInterface
public interface Fencer {

    /**
     * Runs the agent once against the request's victim.
     *
     * @return success only when the agent confirms the victim is cut off; otherwise a failure saying why
     * @throws InterruptedException when the run was abandoned
     */
    FenceOutcome fence(FenceRequest request) throws InterruptedException;
}
