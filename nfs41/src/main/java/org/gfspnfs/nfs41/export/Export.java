package org.gfspnfs.nfs41.export;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * One exported directory: its path in the served filesystem, the id file handles carry for it, and its client
 * rules in file order (the first matching pattern wins, as in exports(5)).
 */
public record Export(int id, String path, List<Rule> rules) {

    /** A client pattern and its options. */
    public record Rule(HostPattern host, ExportOptions options) {
    }

    /** The options for a client, or empty when the export is not shared with it. */
    public Optional<ExportOptions> optionsFor(InetAddress client) {
        for (Rule r : rules) {
            if (r.host().matches(client)) {
                return Optional.of(r.options());
            }
        }
        return Optional.empty();
    }

    /** Path components below the filesystem root ("/a/b" gives [a, b]; "/" gives []). */
    public List<String> components() {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
