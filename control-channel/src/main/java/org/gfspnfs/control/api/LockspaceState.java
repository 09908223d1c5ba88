package org.gfspnfs.control.api;

/** Where a dlm lockspace is in its life (dlm: join, run, recovery stop/start, release). */
public enum LockspaceState {
    JOINING, RUNNING, RECOVERING, LEAVING
}
