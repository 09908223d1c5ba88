package org.gfspnfs.it.vm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the markers guest/lib.sh and the harness's /init print on the console. */
final class ConsoleParser {

    private ConsoleParser() {
    }

    /** For each line that contains {@code prefix}: what follows it. The marker may follow other output unanchored. */
    static List<String> linesAfter(String console, String prefix) {
        List<String> out = new ArrayList<>();
        console.lines().forEach(line -> {
            int at = line.indexOf(prefix);
            if (at >= 0) {
                out.add(line.substring(at + prefix.length()).strip());
            }
        });
        return out;
    }

    static Map<String, String> keyValues(String console) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : linesAfter(console, "@@IT KV ")) {
            int space = kv.indexOf(' ');
            out.put(space < 0 ? kv : kv.substring(0, space), space < 0 ? "" : kv.substring(space + 1));
        }
        return out;
    }

    static Map<String, Duration> stepTimes(String console) {
        Map<String, Duration> out = new LinkedHashMap<>();
        for (String t : linesAfter(console, "@@IT TIME ")) {
            String[] parts = t.split("\\s+");
            if (parts.length == 2) {
                out.put(parts[0], Duration.ofNanos(Math.round(Double.parseDouble(parts[1]) * 1e9)));
            }
        }
        return out;
    }

    /** The text between the last {@code begin} line and the {@code end} line after it, if both are there. */
    static Optional<String> lastBlock(String console, String begin, String end) {
        List<String> lines = console.lines().toList();
        int from = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(begin)) {
                from = i;
                break;
            }
        }
        if (from < 0) {
            return Optional.empty();
        }
        StringBuilder block = new StringBuilder();
        for (int i = from + 1; i < lines.size(); i++) {
            if (lines.get(i).contains(end)) {
                return Optional.of(block.toString());
            }
            block.append(lines.get(i)).append('\n');
        }
        return Optional.empty();
    }
}
