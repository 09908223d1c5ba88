package org.gfspnfs.control.api;

/** One journal of a filesystem (GFS2 has one per node): index, the node that owns it (empty if none), state. */
public record JournalInfo(int index, String owner, JournalState state, long sequence) {
}
