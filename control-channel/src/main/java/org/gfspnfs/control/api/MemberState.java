package org.gfspnfs.control.api;

/** A cluster member as the membership layer sees it (corosync/cman vocabulary). */
public enum MemberState {
    JOINING, MEMBER, LOST, FENCING, FENCED, LEFT
}
