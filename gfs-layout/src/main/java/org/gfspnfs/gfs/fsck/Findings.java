package org.gfspnfs.gfs.fsck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects findings. A damaged bitmap block can disagree with thousands of blocks, so findings of one kind can be
 * capped per group key: past the cap they are only counted, and {@link #summarize} adds one line with the rest.
 */
final class Findings {
    private final List<Finding> list = new ArrayList<>();
    private final Map<String, int[]> capped = new HashMap<>();
    private final boolean repair;

    Findings(boolean repair) {
        this.repair = repair;
    }

    boolean repair() {
        return repair;
    }

    /** An error; repaired exactly when fsck runs in repair mode and the caller fixes it. */
    void error(Structure s, long block, String problem) {
        list.add(new Finding(Finding.Severity.ERROR, s, block, problem, repair));
    }

    /** An error fsck cannot fix even in repair mode. */
    void unrepairable(Structure s, long block, String problem) {
        list.add(new Finding(Finding.Severity.ERROR, s, block, problem, false));
    }

    void note(Structure s, long block, String problem, boolean changed) {
        list.add(new Finding(Finding.Severity.NOTE, s, block, problem, changed));
    }

    /** An error counted under {@code key}; only the first {@code cap} are listed. */
    void cappedError(String key, int cap, Structure s, long block, String problem) {
        int[] n = capped.computeIfAbsent(key, k -> new int[1]);
        if (n[0]++ < cap) {
            error(s, block, problem);
        }
    }

    /** Adds "... and N more" for a capped key. */
    void summarize(String key, int cap, Structure s, long block, String what) {
        int[] n = capped.get(key);
        if (n != null && n[0] > cap) {
            error(s, block, "and " + (n[0] - cap) + " more " + what);
        }
    }

    List<Finding> all() {
        return list;
    }

    boolean hasErrors() {
        return list.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
    }
}
