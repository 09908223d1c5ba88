package org.gfspnfs.node.cli.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The terminal status line: one overwritten line, at most ten updates a second, erased before the results. */
class TerminalProgressTest {
    private long millis;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    };

    @Test
    void updatesAreThrottled_overwriteOneLine_andClearLeavesNothingVisible() {
        StringWriter s = new StringWriter();
        TerminalProgress p = new TerminalProgress(new PrintWriter(s), clock);
        millis = 1000;
        p.update("directories", 10, 200);
        millis = 1050;
        p.update("directories", 20, 200);
        millis = 1200;
        p.update("bitmaps", 3, 4);
        p.clear();

        String first = "directories: 10/200 (5%)";
        String second = "bitmaps: 3/4 (75%)";
        assertThat(s.toString()).isEqualTo("\r" + first
                + "\r" + second + " ".repeat(first.length() - second.length())
                + "\r" + " ".repeat(second.length()) + "\r");
    }
}
