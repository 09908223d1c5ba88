package org.gfspnfs.membership.fence;

import java.io.IOException;
import java.util.Optional;

/**
 * What every survivor can read about a lost node on shared storage, so that one survivor fences and the others
 * learn the outcome (fenced's master and its fence domain), and so that an orderly leave is not mistaken for a
 * crash. Implemented over the disk-fencing area ({@code sbd.DiskFenceLedger}); see membership/README.md, "Fencing
 * records".
 */
public interface FenceLedger {

    /** The confirmed fencing of exactly this life of the node, if a survivor recorded one. */
    Optional<FenceConfirmation> confirmation(int nodeId, long incarnation) throws IOException;

    /** Records a confirmed fencing for every survivor to read; forced to stable storage before it returns. */
    void confirm(FenceConfirmation confirmation) throws IOException;

    /**
     * True when this life of the node recorded that it left the cluster in order: its services stopped, its journal
     * clean, its locks released, its writes shut off, before it left the member view.
     */
    boolean leftCleanly(int nodeId, long incarnation) throws IOException;

    /**
     * Records this node's orderly leave (the last step before leaving the member view). The node must not write to
     * the shared device afterwards; its watchdog must be stopped first (the record condemns this life).
     */
    void recordLeft(int nodeId, long incarnation) throws IOException;
}
