package org.gfspnfs.dlm.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gfspnfs.dlm.api.LockMode;

/**
 * Hold intervals of a lock (grant seen by the application .. unlock asked), from every node, checked afterwards:
 * no two incompatible holds may overlap. The logged interval lies inside the real one, so an overlap in the log is
 * an overlap in reality.
 */
final class GrantLog {
    record Hold(int node, LockMode mode, long from, long to) { }

    private final List<Hold> holds = new ArrayList<>();

    synchronized void add(int node, LockMode mode, long from, long to) {
        holds.add(new Hold(node, mode, from, to));
    }

    synchronized int size() {
        return holds.size();
    }

    /** Pairs of incompatible holds that overlap (empty when the DLM kept its promise). */
    synchronized List<String> violations() {
        List<Hold> sorted = new ArrayList<>(holds);
        sorted.sort(Comparator.comparingLong(Hold::from));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Hold a = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).from() < a.to(); j++) {
                Hold b = sorted.get(j);
                if (!a.mode().compatibleWith(b.mode())) {
                    out.add(a + " overlaps " + b);
                }
            }
        }
        return out;
    }
}
