/**
 * Public API of the distributed lock manager: Linux-dlm/VMS semantics (six modes, grant/convert/wait queues, LVB,
 * NOQUEUE, QUECVT, CONVDEADLK, completion and blocking callbacks) over a cluster of nodes.
 */
package org.gfspnfs.dlm.api;
