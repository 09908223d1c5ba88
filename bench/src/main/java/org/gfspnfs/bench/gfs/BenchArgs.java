package org.gfspnfs.bench.gfs;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of a bench main; unknown names are an error so typos do not go unnoticed. */
final class BenchArgs {
    private final Map<String, String> values = new HashMap<>();

    BenchArgs(String[] args, String... known) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length || !java.util.List.of(known).contains(a.substring(2))) {
                throw new IllegalArgumentException("usage: " + String.join(" ", java.util.Arrays.stream(known)
                        .map(k -> "[--" + k + " V]").toList()) + "; bad argument: " + a);
            }
            values.put(a.substring(2), args[++i]);
        }
    }

    long number(String name, long def) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : def;
    }

    Path path(String name, String def) {
        return Path.of(values.getOrDefault(name, def));
    }
}
