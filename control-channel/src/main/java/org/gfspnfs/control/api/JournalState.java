package org.gfspnfs.control.api;

/** GFS2 journal state: mounted by its owner, clean, dirty (owner died, needs replay) or being replayed. */
public enum JournalState {
    IN_USE, CLEAN, DIRTY, RECOVERING
}
