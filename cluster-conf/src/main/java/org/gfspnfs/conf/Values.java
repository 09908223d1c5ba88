package org.gfspnfs.conf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reading of attribute values. Each method reports a bad value and returns null, so callers can go on and
 * skip checks that depend on the bad value instead of reporting follow-on noise.
 */
final class Values {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final String DURATION_HINT = "write a duration with a unit: \"500ms\", \"5s\", \"2m\" or \"1h\"";

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    /** A required attribute; null when it is absent or blank (reported). */
    XmlAttr required(XmlElement element, String name, String hint) {
        Optional<XmlAttr> attr = element.attr(name);
        if (attr.isEmpty()) {
            problems.at(element, element.tag() + " is missing required attribute '" + name + "'", hint);
            return null;
        }
        if (attr.get().value().isBlank()) {
            problems.at(attr.get(), "'" + name + "' on " + element.tag() + " is empty", hint);
            return null;
        }
        return attr.get();
    }

    /** A whole number in {@code [min, max]}; null when malformed or out of range (reported). */
    Integer integer(XmlAttr attr, int min, int max) {
        String text = attr.value().strip();
        if (!DIGITS.matcher(text).matches()) {
            problems.at(attr, attr.quoted() + " is not a whole number",
                    "write a whole number from " + min + " to " + max);
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value < min || value > max) {
            problems.at(attr, attr.quoted() + " is out of range", "use a value from " + min + " to " + max);
            return null;
        }
        return (int) value;
    }

    /** cman writes booleans as 1/0; yes/no, true/false and on/off are accepted too. Null when malformed. */
    Boolean bool(XmlAttr attr) {
        switch (attr.value().strip().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on":
                return Boolean.TRUE;
            case "0", "no", "false", "off":
                return Boolean.FALSE;
            default:
                problems.at(attr, attr.quoted() + " is not a yes/no value",
                        "write 1 or 0 (yes/no, true/false and on/off are accepted too)");
                return null;
        }
    }

    /** A duration with a unit ({@code 5s}); zero allowed only for delays. Null when malformed. */
    Duration duration(XmlAttr attr, boolean zeroAllowed) {
        String text = attr.value().strip();
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            String what = DIGITS.matcher(text).matches() ? " has no unit" : " is not a duration";
            problems.at(attr, attr.quoted() + what, DURATION_HINT);
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        ChronoUnit unit = switch (matcher.group(2)) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            default -> ChronoUnit.HOURS;
        };
        Duration duration = Duration.of(amount, unit);
        if (duration.isZero() && !zeroAllowed) {
            problems.at(attr, attr.quoted() + " must be longer than zero", DURATION_HINT);
            return null;
        }
        return duration;
    }

    /** An IP literal or DNS name, checked for syntax only (no lookup). Null when malformed. */
    String host(XmlAttr attr) {
        String host = attr.value().strip();
        if (!isHost(host)) {
            problems.at(attr, attr.quoted() + " is not an IP address or host name",
                    "write an IPv4 address (192.0.2.10), an IPv6 address (2001:db8::10) or a DNS name");
            return null;
        }
        return host;
    }

    static boolean isHost(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            return isIpv6Literal(host);
        }
        if (DOTTED_NUMBERS.matcher(host).matches()) {
            return isIpv4Literal(host);
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : name.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4Literal(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * InetAddress treats a string starting with a hex digit or ':' as a literal and never asks DNS about it; other
     * strings with ':' are rejected before they could reach a resolver.
     */
    private static boolean isIpv6Literal(String host) {
        char first = host.charAt(0);
        if (Character.digit(first, 16) < 0 && first != ':') {
            return false;
        }
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
