package org.gfspnfs.conf;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads {@code <timing>} and the legacy {@code <totem token>} (milliseconds, corosync) and {@code <fence_daemon>}
 * (seconds, cman's fenced), and checks that the timeouts fit together.
 */
final class TimingReader {

    private static final int MAX_TOKEN_MS = 3_600_000;
    private static final int MAX_FENCED_SECONDS = 3600;

    private final Problems problems;
    private final Values values;
    private boolean valid = true;

    TimingReader(Problems problems) {
        this.problems = problems;
        this.values = new Values(problems);
    }

    /** The timing, defaults applied; null when a value is invalid (reported). */
    Timing read(XmlElement cluster) {
        Optional<XmlElement> timing = cluster.child("timing");
        Optional<XmlElement> totem = cluster.child("totem");
        Optional<XmlElement> fenced = cluster.child("fence_daemon");
        Sourced<Duration> heartbeat = duration(timing, "heartbeat", false);
        Sourced<Duration> failure = Sourced.merge(duration(timing, "failure_timeout", false),
                legacy(totem, "token", 1, MAX_TOKEN_MS, false), problems);
        Sourced<Duration> fence = duration(timing, "fence_timeout", false);
        Sourced<Duration> postFail = Sourced.merge(duration(timing, "post_fail_delay", true),
                legacy(fenced, "post_fail_delay", 0, MAX_FENCED_SECONDS, true), problems);
        Sourced<Duration> postJoin = Sourced.merge(duration(timing, "post_join_delay", true),
                legacy(fenced, "post_join_delay", 0, MAX_FENCED_SECONDS, true), problems);
        Sourced<Duration> selfFence = duration(timing, "self_fence_timeout", false);
        Sourced<Duration> watchdog = duration(timing, "watchdog_timeout", false);
        Sourced<Duration> pill = duration(timing, "poison_pill_wait", false);
        if (!valid) {
            return null;
        }
        Timing result = new Timing(or(heartbeat, ConfDefaults.HEARTBEAT), or(failure, ConfDefaults.FAILURE_TIMEOUT),
                or(fence, ConfDefaults.FENCE_TIMEOUT), or(postFail, ConfDefaults.POST_FAIL_DELAY),
                or(postJoin, ConfDefaults.POST_JOIN_DELAY), or(selfFence, ConfDefaults.SELF_FENCE_TIMEOUT),
                or(watchdog, ConfDefaults.WATCHDOG_TIMEOUT), or(pill, ConfDefaults.POISON_PILL_WAIT));
        boolean fits = atLeastTwice(result.failureTimeout(), failure, "failure_timeout",
                result.heartbeat(), heartbeat, "heartbeat", cluster)
                & atLeastTwice(result.poisonPillWait(), pill, "poison_pill_wait",
                result.watchdogTimeout(), watchdog, "watchdog_timeout", cluster);
        return fits ? result : null;
    }

    /**
     * A member is declared dead only after missing at least two heartbeats, and a poison pill counts only after
     * the victim's watchdog had time to fire twice (sbd's msgwait = 2 x watchdog): otherwise a merely slow node
     * is declared dead and may write again.
     */
    private boolean atLeastTwice(Duration longer, Sourced<Duration> longerSource, String longerName,
                                 Duration shorter, Sourced<Duration> shorterSource, String shorterName,
                                 XmlElement cluster) {
        if (longer.compareTo(shorter.multipliedBy(2)) >= 0) {
            return true;
        }
        Pos pos = longerSource != null ? longerSource.attr().pos()
                : shorterSource != null ? shorterSource.attr().pos() : cluster.pos();
        problems.at(pos, longerName + " (" + format(longer) + ") must be at least twice " + shorterName + " ("
                        + format(shorter) + ")",
                "raise " + longerName + " to " + format(shorter.multipliedBy(2)) + " or more, or lower "
                        + shorterName);
        return false;
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    private Sourced<Duration> duration(Optional<XmlElement> element, String name, boolean zeroAllowed) {
        return element.flatMap(e -> e.attr(name).map(a -> {
            Duration value = values.duration(a, zeroAllowed);
            valid &= value != null;
            return new Sourced<>(value, a, e);
        })).orElse(null);
    }

    /** Legacy elements write plain numbers: corosync's token in milliseconds, fenced's delays in seconds. */
    private Sourced<Duration> legacy(Optional<XmlElement> element, String name, int min, int max, boolean seconds) {
        return element.flatMap(e -> e.attr(name).map(a -> {
            Integer value = values.integer(a, min, max);
            valid &= value != null;
            Duration duration = value == null ? null : seconds ? Duration.ofSeconds(value) : Duration.ofMillis(value);
            return new Sourced<>(duration, a, e);
        })).orElse(null);
    }

    private static Duration or(Sourced<Duration> sourced, Duration fallback) {
        return sourced == null ? fallback : sourced.value();
    }
}
