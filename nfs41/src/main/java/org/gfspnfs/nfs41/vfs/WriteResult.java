package org.gfspnfs.nfs41.vfs;

/** Bytes written and the durability actually achieved, which may be stronger than asked for. */
public record WriteResult(int count, Stability committed) {
}
