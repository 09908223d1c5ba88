package org.gfspnfs.control.api;

import java.time.Instant;

/** One fencing step against a node: which method (agent or disk poison pill), its outcome and when. */
public record FenceEvent(String target, String method, FenceOutcome outcome, Instant at, String detail) {
}
