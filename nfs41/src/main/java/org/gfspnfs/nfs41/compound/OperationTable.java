package org.gfspnfs.nfs41.compound;

import java.util.HashMap;
import java.util.Map;

import org.dcache.oncrpc4j.xdr.XdrAble;

/**
 * The operations a server answers, by operation number. Built once by the server builder and read-only after;
 * an operation number that decodes but is not in the table is answered with NFS4ERR_NOTSUPP.
 */
public final class OperationTable {
    private final Map<Integer, Entry<?>> entries;

    private OperationTable(Map<Integer, Entry<?>> entries) {
        this.entries = Map.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The registered operation, or null. */
    Entry<?> get(int opnum) {
        return entries.get(opnum);
    }

    public boolean contains(int opnum) {
        return entries.containsKey(opnum);
    }

    /** Whether the operation is registered as brief ({@link Builder#addBrief}). */
    public boolean brief(int opnum) {
        Entry<?> e = entries.get(opnum);
        return e != null && e.brief();
    }

    /**
     * An operation with its name (for logs), argument class (for a checked cast) and whether it is brief: never
     * waits on a client, neither for a callback's answer nor for another client's call.
     */
    record Entry<A extends XdrAble>(String name, Class<A> argsType, Operation<A> operation, boolean brief) {
        XdrAble run(CompoundContext ctx, XdrAble args) throws org.gfspnfs.nfs41.status.NfsException {
            return operation.execute(ctx, argsType.cast(args));
        }
    }

    /** Collects operations; a later registration for the same number replaces an earlier one (DS role). */
    public static final class Builder {
        private final Map<Integer, Entry<?>> entries = new HashMap<>();

        public <A extends XdrAble> Builder add(int opnum, String name, Class<A> argsType, Operation<A> op) {
            entries.put(opnum, new Entry<>(name, argsType, op, false));
            return this;
        }

        /**
         * Registers an operation that never waits on a client (no callback, no wait for another client's call), so
         * that a compound made of such operations may run on the thread that read it.
         */
        public <A extends XdrAble> Builder addBrief(int opnum, String name, Class<A> argsType, Operation<A> op) {
            entries.put(opnum, new Entry<>(name, argsType, op, true));
            return this;
        }

        public Builder remove(int opnum) {
            entries.remove(opnum);
            return this;
        }

        public OperationTable build() {
            return new OperationTable(entries);
        }
    }
}
