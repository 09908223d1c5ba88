package org.gfspnfs.node.cli.fs;

import java.util.Locale;

/** Sizes on the command line: {@code 512}, {@code 64K}, {@code 256M}, {@code 1G}, {@code 2T} (powers of 1024). */
final class Sizes {
    private Sizes() {
    }

    /**
     * Parses a size; a bare number is taken in {@code bareUnit} bytes (1 for --size, MiB for --rgrp-size and
     * --journal-size as mkfs.gfs2 does).
     */
    static long parse(String text, long bareUnit) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (s.endsWith("IB")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("B") && s.length() > 1 && !Character.isDigit(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1);
        }
        long unit = bareUnit;
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        int shift = "KMGTP".indexOf(last);
        if (shift >= 0) {
            unit = 1L << (10 * (shift + 1));
            s = s.substring(0, s.length() - 1);
        } else if (last == 'B') {
            unit = 1;
            s = s.substring(0, s.length() - 1);
        }
        long n;
        try {
            n = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 4096, 64K, 256M, 1G)");
        }
        if (n <= 0 || n > Long.MAX_VALUE / unit) {
            throw new IllegalArgumentException("size out of range: '" + text + "'");
        }
        return n * unit;
    }

    static String human(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
