package org.gfspnfs.node.cli.run;

import java.util.Locale;

/** Byte sizes as people write them on a command line: 4G, 512M, 65536 (binary units). */
final class Sizes {
    private Sizes() {
    }

    static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("I")) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> shift = 10;
                case 'M' -> shift = 20;
                case 'G' -> shift = 30;
                case 'T' -> shift = 40;
                default -> shift = 0;
            }
        }
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
                throw new IllegalArgumentException("size out of range: " + text);
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: " + text + " (write e.g. 4G or 512M)");
        }
    }
}
