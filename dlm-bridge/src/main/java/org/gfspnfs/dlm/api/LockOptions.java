package org.gfspnfs.dlm.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to request a new lock.
 *
 * @param flags    request flags
 * @param holder   who the lock is for, within the node (a transaction or thread id); cluster-wide deadlock
 *                 detection builds its wait-for graph between holders
 * @param blocking the blocking callback
 */
public record LockOptions(Set<LockFlag> flags, long holder, BlockingHandler blocking) {
    public LockOptions {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Objects.requireNonNull(blocking, "blocking");
    }

    /** No flags, holder 0, no blocking callback. */
    public static LockOptions defaults() {
        return new LockOptions(Set.of(), 0, BlockingHandler.NONE);
    }

    public static LockOptions of(LockFlag... flags) {
        return new LockOptions(Set.of(flags), 0, BlockingHandler.NONE);
    }

    public LockOptions withFlags(LockFlag... more) {
        EnumSet<LockFlag> all = flags.isEmpty() ? EnumSet.noneOf(LockFlag.class) : EnumSet.copyOf(flags);
        all.addAll(Set.of(more));
        return new LockOptions(all, holder, blocking);
    }

    public LockOptions withHolder(long newHolder) {
        return new LockOptions(flags, newHolder, blocking);
    }

    public LockOptions withBlocking(BlockingHandler handler) {
        return new LockOptions(flags, holder, handler);
    }
}
