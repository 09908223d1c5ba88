package org.gfspnfs.control.api;

/** The steps of the recovery sequence after a member is lost, in DESIGN.md order (steps 1 to 7). */
public enum RecoveryPhase {
    MEMBER_LOST, QUORUM_CHECK, FENCING, DLM_RECOVERY, JOURNAL_REPLAY, PNFS_RECALL, RESUMED
}
