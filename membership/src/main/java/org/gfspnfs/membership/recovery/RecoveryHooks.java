package org.gfspnfs.membership.recovery;

import java.util.Set;

import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.ViewSnapshot;

/**
 * What the rest of the node does at each step of recovery (DESIGN.md, "Recovery sequence"): the node wiring
 * implements it over the DLM (dlm_recoverd's stop / recover / resume), the filesystem (journal replay under the
 * dead node's journal glock) and the pNFS roles. Every call blocks until its step is done and throws when it
 * failed; the {@link RecoverySequence} records either and starts again after a failure.
 */
public interface RecoveryHooks {

    /** Step 1: every lockspace stops granting; requests queue until {@link #resume}. */
    void stop(ViewSnapshot view) throws RecoveryStepException;

    /** Step 4: DLM recovery for the view (quorate, every lost member fenced). */
    void recoverLocks(ViewSnapshot view, Set<Member> lost) throws RecoveryStepException;

    /** Step 5: replay the lost node's journal and mark it clean (whichever survivor gets its journal lock). */
    void recoverJournal(ViewSnapshot view, Member lost) throws RecoveryStepException;

    /** Step 6: recall layouts naming the lost node's DS; take over its MDS role if it held it. */
    void recoverPnfs(ViewSnapshot view, Member lost) throws RecoveryStepException;

    /** Step 7: lockspaces grant again. */
    void resume(ViewSnapshot view) throws RecoveryStepException;
}
