package org.gfspnfs.bench.nfs;

import java.util.Locale;

/**
 * One measured result, printed as one machine-readable line:
 * {@code metric=seq-write streams=1 MBps=512.3 ops=256 ops_per_s=2001.2 seconds=0.512 bytes=268435456}.
 * MBps is 10^6 bytes per second (as dd prints it); {@code extra} is appended as is ("key=value ...").
 */
public record Metric(String name, int streams, long bytes, long ops, long nanos, String extra) {

    public double seconds() {
        return nanos / 1e9;
    }

    public double mbPerSecond() {
        return nanos == 0 ? 0 : bytes / 1e6 / seconds();
    }

    public double opsPerSecond() {
        return nanos == 0 ? 0 : ops / seconds();
    }

    public String line() {
        return String.format(Locale.ROOT, "metric=%s streams=%d MBps=%.1f ops=%d ops_per_s=%.1f seconds=%.3f "
                + "bytes=%d%s", name, streams, mbPerSecond(), ops, opsPerSecond(), seconds(), bytes,
                extra.isEmpty() ? "" : " " + extra);
    }
}
