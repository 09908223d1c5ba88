package org.gfspnfs.control.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses "500ms", "2s", "1m" (and ISO-8601 "PT2S") into a positive duration. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m)");

    @Override
    public Duration convert(String value) {
        Matcher m = SIMPLE.matcher(value.trim());
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        } else {
            try {
                d = Duration.parse(value);
            } catch (RuntimeException e) {
                throw new TypeConversionException("'" + value + "' is not a duration like 500ms, 2s or 1m");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new TypeConversionException("timeout must be positive");
        }
        return d;
    }
}
