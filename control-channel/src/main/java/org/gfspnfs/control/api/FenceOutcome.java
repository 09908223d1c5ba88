package org.gfspnfs.control.api;

/** How a fencing attempt ended; ACKNOWLEDGED is an operator's manual fence acknowledgement. */
public enum FenceOutcome {
    REQUESTED, SUCCEEDED, FAILED, ACKNOWLEDGED
}
