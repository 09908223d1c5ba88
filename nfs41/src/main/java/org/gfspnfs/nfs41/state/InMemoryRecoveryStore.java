package org.gfspnfs.nfs41.state;

import java.util.HashSet;
import java.util.Set;

/** A recovery store that lives as long as the object: for tests and servers without stable storage. */
public final class InMemoryRecoveryStore implements RecoveryStore {
    private final Set<String> owners = new HashSet<>();

    @Override
    public synchronized Set<String> load() {
        return Set.copyOf(owners);
    }

    @Override
    public synchronized void add(String ownerKey) {
        owners.add(ownerKey);
    }

    @Override
    public synchronized void remove(String ownerKey) {
        owners.remove(ownerKey);
    }
}
