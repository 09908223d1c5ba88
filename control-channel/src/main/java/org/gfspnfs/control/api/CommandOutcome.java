package org.gfspnfs.control.api;

/** What a mutating command did, for the operator: a one-line summary and a count of objects affected. */
public record CommandOutcome(String summary, int affected) {
}
