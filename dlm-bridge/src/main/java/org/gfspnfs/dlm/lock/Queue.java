package org.gfspnfs.dlm.lock;

/** The three queues of a Linux dlm resource (rsb): res_grantqueue, res_convertqueue, res_waitqueue. */
public enum Queue {
    GRANTED, CONVERTING, WAITING
}
