package org.gfspnfs.control.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** How human output shows times, ages and bytes. JSON uses its own, fixed forms (README). */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    /** "850ms", "4.2s", "3m07s", "2h05m". */
    static String age(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format("%d.%ds", ms / 1000, (ms % 1000) / 100);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    static String hex(byte[] bytes) {
        return bytes.length == 0 ? "-" : HexFormat.of().formatHex(bytes);
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    static String lockId(long id) {
        return String.format("%08x", id);
    }
}
