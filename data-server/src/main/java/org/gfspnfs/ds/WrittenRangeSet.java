package org.gfspnfs.ds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Byte ranges kept merged (start -> exclusive end). Not thread safe: the owner synchronizes. */
final class WrittenRangeSet {
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
        for (Map.Entry<Long, Long> next = ranges.ceilingEntry(start); next != null && next.getKey() <= end;
             next = ranges.ceilingEntry(start)) {
            end = Math.max(end, next.getValue());
            ranges.remove(next.getKey());
        }
        ranges.put(start, end);
    }

    /** Removes {@code [start, end)}. */
    void remove(long start, long end) {
        for (MetadataServerLink.ByteRange r : within(start, end)) {
            Map.Entry<Long, Long> e = ranges.floorEntry(r.start());
            ranges.remove(e.getKey());
            if (e.getKey() < r.start()) {
                ranges.put(e.getKey(), r.start());
            }
            if (r.end() < e.getValue()) {
                ranges.put(r.end(), e.getValue());
            }
        }
    }

    /** The parts inside {@code [start, end)}, in order. */
    List<MetadataServerLink.ByteRange> within(long start, long end) {
        List<MetadataServerLink.ByteRange> out = new ArrayList<>();
        Map.Entry<Long, Long> first = ranges.floorEntry(start);
        Long from = first != null && first.getValue() > start ? first.getKey() : ranges.ceilingKey(start);
        if (from == null) {
            return out;
        }
        for (Map.Entry<Long, Long> e : ranges.tailMap(from, true).entrySet()) {
            if (e.getKey() >= end) {
                break;
            }
            out.add(new MetadataServerLink.ByteRange(Math.max(start, e.getKey()), Math.min(end, e.getValue())));
        }
        return out;
    }

    /** Every range, in order. */
    List<MetadataServerLink.ByteRange> all() {
        return within(0, Long.MAX_VALUE);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }
}
