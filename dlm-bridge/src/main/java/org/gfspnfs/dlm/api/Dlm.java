package org.gfspnfs.dlm.api;

import java.util.Collection;

import org.gfspnfs.dlm.api.query.NodeSnapshot;

/**
 * The DLM of one node: its lockspaces, its transport to the other nodes, and the recovery that follows member view
 * changes (DESIGN.md "Recovery sequence", step 4). Closing it stops its threads and fails outstanding operations.
 */
public interface Dlm extends AutoCloseable {

    /** The lockspace of this name, created (here and, on first use, on every other node) if it does not exist. */
    Lockspace lockspace(String name);

    Collection<Lockspace> lockspaces();

    /** State of the node: recovery state and epoch, members, lockspaces (for the control channel). */
    NodeSnapshot snapshot();

    @Override
    void close();
}
