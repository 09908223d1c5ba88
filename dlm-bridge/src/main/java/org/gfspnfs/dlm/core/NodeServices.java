package org.gfspnfs.dlm.core;

import java.util.concurrent.Executor;

import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.net.msg.Message;

/** What a lockspace needs from its node: identity, the directory ring, the transport and the callback thread. */
interface NodeServices {

    int selfId();

    /** The directory node of {@code name} under the ring of the current (or recovering) epoch. */
    int directoryNode(ResourceName name);

    /** Sends a lock message, stamped with this node's epoch. */
    void send(int nodeId, Message message);

    /** Id of the last recovery this node completed (its epoch); stamped on every lock message it sends. */
    long completedEpoch();

    /** Id of the recovery this node is running or waiting to run (equal to completedEpoch() when running). */
    long recoveringEpoch();

    /** A monotonic clock in nanoseconds (ages on the toss lists). */
    long nanoTime();

    /** The thread that runs completion and blocking callbacks (never a transport I/O thread). */
    Executor callbacks();
}
