package org.gfspnfs.node.cli.fs;

import java.io.PrintWriter;
import java.time.Clock;
import org.gfspnfs.gfs.fsck.FsckProgress;

/**
 * One self-overwriting status line on a terminal ({@code \r}), at most ten updates a second; the commands only
 * create it when {@code System.console() != null}, so pipes and logs never see it.
 */
final class TerminalProgress implements FsckProgress {
    private final PrintWriter err;
    private final Clock clock;
    private long lastMillis;
    private int width;

    TerminalProgress(PrintWriter err, Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public void update(String pass, long done, long total) {
        long now = clock.millis();
        if (now - lastMillis < 100) {
            return;
        }
        lastMillis = now;
        String line = total > 0 ? String.format("%s: %d/%d (%d%%)", pass, done, total, done * 100 / total)
                : pass + ": " + done;
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    /** Erases the status line before the results are printed. */
    void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
