package org.gfspnfs.mds.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A set of byte ranges kept merged (start -> exclusive end). Not thread safe: the owner synchronizes. */
final class ByteRanges {
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    void add(long start, long end) {
        if (end <= start) {
            return;
        }
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        Map.Entry<Long, Long> next = ranges.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            ranges.remove(next.getKey());
            next = ranges.ceilingEntry(start);
        }
        ranges.put(start, end);
    }

    /** The parts of the set inside {@code [start, end)}, as {start, end} pairs in order. */
    List<long[]> within(long start, long end) {
        List<long[]> out = new ArrayList<>();
        Map.Entry<Long, Long> first = ranges.floorEntry(start);
        Long from = first != null && first.getValue() > start ? first.getKey() : ranges.ceilingKey(start);
        if (from == null) {
            return out;
        }
        for (Map.Entry<Long, Long> e : ranges.tailMap(from, true).entrySet()) {
            if (e.getKey() >= end) {
                break;
            }
            out.add(new long[] {Math.max(start, e.getKey()), Math.min(end, e.getValue())});
        }
        return out;
    }

    /** Removes {@code [start, end)} from the set. */
    void remove(long start, long end) {
        for (long[] r : within(start, end)) {
            Map.Entry<Long, Long> e = ranges.floorEntry(r[0]);
            long s = e.getKey();
            long t = e.getValue();
            ranges.remove(s);
            if (s < r[0]) {
                ranges.put(s, r[0]);
            }
            if (r[1] < t) {
                ranges.put(r[1], t);
            }
        }
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }
}
