package org.gfspnfs.control.api;

/** Progress of one recovery step. */
public enum StepState {
    PENDING, RUNNING, DONE, FAILED
}
