package org.gfspnfs.node.cluster;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.dlm.core.DlmNode;
import org.gfspnfs.gfs.Errno;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.ViewSnapshot;
import org.gfspnfs.membership.recovery.RecoveryHooks;
import org.gfspnfs.membership.recovery.RecoveryStepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's part in each step of the recovery sequence (DESIGN.md): the DLM recovers by itself once the view is
 * recoverable (quorate, the lost node fenced), so the DLM step waits for it to have rebuilt its membership; the
 * journal step replays the dead node's journal under its journal lock (whichever survivor gets the lock first does
 * the work, the others find a clean journal); the pNFS step tells the roles of this process that a node is gone.
 *
 * <p>The filesystem and the pNFS roles start after the cluster stack, so they are attached when they run; a node
 * that has not mounted yet leaves the journal to a survivor that has (or to the dead node's next mount).
 */
public final class NodeRecoveryHooks implements RecoveryHooks {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRecoveryHooks.class);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ClusterConf conf;
    private volatile DlmNode dlm;
    private volatile FileSystem fs;
    private volatile Consumer<ViewSnapshot> pnfs;

    NodeRecoveryHooks(ClusterConf conf) {
        this.conf = conf;
    }

    void dlm(DlmNode node) {
        this.dlm = node;
    }

    /** The mounted filesystem whose journal lock lets this node replay a dead node's journal. */
    public void fileSystem(FileSystem mounted) {
        this.fs = mounted;
    }

    /** What the pNFS roles of this process do when a member is gone (recall layouts naming its DS). */
    public void pnfs(Consumer<ViewSnapshot> onMemberLost) {
        this.pnfs = onMemberLost;
    }

    @Override
    public void stop(ViewSnapshot view) {
        // The DLM follows the same view and stops granting on the loss by itself (dlm_recoverd's stop);
        // there is nothing to add here.
    }

    @Override
    public void recoverLocks(ViewSnapshot view, Set<Member> lost) throws RecoveryStepException {
        DlmNode node = dlm;
        if (node == null) {
            throw new RecoveryStepException("the DLM of this node is not running yet");
        }
        Set<Integer> want = new TreeSet<>(view.members().stream().map(Member::nodeId).toList());
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!(node.running() && new TreeSet<>(node.members()).equals(want))) {
            if (System.nanoTime() - deadline > 0) {
                throw new RecoveryStepException("DLM recovery did not complete within " + STEP_TIMEOUT.toSeconds()
                        + " s (DLM members " + node.members() + ", view " + want + ")");
            }
            pause();
        }
    }

    @Override
    public void recoverJournal(ViewSnapshot view, Member lost) throws RecoveryStepException {
        FileSystem mounted = fs;
        int slot = JournalSlots.of(conf, lost.nodeId()).orElseThrow(() -> new RecoveryStepException(
                "node " + lost.nodeId() + " is not in cluster.conf"));
        if (mounted == null) {
            LOG.info("journal {} of {}: this node has not mounted the filesystem; a survivor that has replays it",
                    slot, lost.name());
            return;
        }
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            try {
                int blocks = mounted.recoverJournal(slot);
                LOG.info("journal {} of {} recovered here: {} blocks replayed", slot, lost.name(), blocks);
                return;
            } catch (GfsException e) {
                if (e.errno() != Errno.EAGAIN) {
                    throw new RecoveryStepException("replay of journal " + slot + " failed: " + e.getMessage(), e);
                }
                if (dlm != null && dlm.members().contains(lost.nodeId())) {
                    // A new life of the node is back and holds its journal: its own mount replayed it.
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new RecoveryStepException("journal " + slot + " stayed locked for "
                            + STEP_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e);
                }
            }
            pause();
        }
    }

    @Override
    public void recoverPnfs(ViewSnapshot view, Member lost) {
        Consumer<ViewSnapshot> roles = pnfs;
        if (roles != null) {
            roles.accept(view);
        }
    }

    @Override
    public void resume(ViewSnapshot view) {
        // The DLM resumed granting at the end of its own recovery; the filesystem never stopped.
    }

    private static void pause() throws RecoveryStepException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecoveryStepException("interrupted");
        }
    }
}
