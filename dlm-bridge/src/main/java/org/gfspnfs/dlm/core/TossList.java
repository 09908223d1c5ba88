package org.gfspnfs.dlm.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gfspnfs.dlm.api.ResourceName;

/**
 * Names of resources that nothing uses, oldest first, with the time they became unused (Linux dlm: the toss list and
 * res_toss_time). A name that is used again leaves the list; one that stays on it long enough is freed.
 */
final class TossList {
    private final LinkedHashMap<ResourceName, Long> since = new LinkedHashMap<>();

    /** {@code name} is unused from {@code now} on (moves to the young end). */
    void unused(ResourceName name, long now) {
        since.remove(name);
        since.put(name, now);
    }

    void used(ResourceName name) {
        since.remove(name);
    }

    /** Takes off the list, and returns, the names unused since {@code cutoff} or earlier. */
    List<ResourceName> expired(long cutoff) {
        List<ResourceName> out = new ArrayList<>();
        for (Iterator<Map.Entry<ResourceName, Long>> it = since.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<ResourceName, Long> e = it.next();
            if (e.getValue() - cutoff > 0) {
                break;
            }
            out.add(e.getKey());
            it.remove();
        }
        return out;
    }

    int size() {
        return since.size();
    }
}
