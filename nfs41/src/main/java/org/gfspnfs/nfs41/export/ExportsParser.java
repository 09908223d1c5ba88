package org.gfspnfs.nfs41.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads an exports file in the exports(5) style: one export per line, {@code /path client(options) ...}, '#'
 * comments, '\' line continuation. Options: ro, rw, root_squash, no_root_squash, all_squash, no_all_squash,
 * anonuid=N, anongid=N, sec=sys:none, fsid=N, pnfs=files|flexfiles|none (no_pnfs = none). A pattern without options gets the defaults (ro, root_squash).
 * Errors name the line.
 */
public final class ExportsParser {

    public ExportTable parse(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public ExportTable parse(String text, String source) {
        List<Export> exports = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            if (pending.length() == 0) {
                startLine = i + 1;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String logical = pending.toString().trim();
            pending.setLength(0);
            if (!logical.isEmpty()) {
                try {
                    exports.add(parseLine(logical));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ":" + startLine + ": " + e.getMessage(), e);
                }
            }
        }
        return new ExportTable(exports);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).stripTrailing();
    }

    private Export parseLine(String line) {
        String[] words = line.split("\\s+");
        String path = words[0];
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("export path must be absolute: " + path);
        }
        if (words.length < 2) {
            throw new IllegalArgumentException("export " + path + " names no clients");
        }
        Integer fsid = null;
        List<Export.Rule> rules = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            int open = w.indexOf('(');
            String host = open < 0 ? w : w.substring(0, open);
            String opts = "";
            if (open >= 0) {
                if (!w.endsWith(")")) {
                    throw new IllegalArgumentException("unclosed option list in " + w);
                }
                opts = w.substring(open + 1, w.length() - 1);
            }
            OptionSet set = parseOptions(opts);
            if (set.fsid != null) {
                fsid = set.fsid;
            }
            rules.add(new Export.Rule(HostPattern.parse(host.isEmpty() ? "*" : host), set.options()));
        }
        String normalized = normalize(path);
        return new Export(fsid != null ? fsid : idOf(normalized), normalized, rules);
    }

    private static String normalize(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** A stable, non-zero id from the path, so file handles survive restarts and reordering of the file. */
    static int idOf(String path) {
        CRC32 crc = new CRC32();
        crc.update(path.getBytes(StandardCharsets.UTF_8));
        int id = (int) crc.getValue();
        return id == 0 ? 1 : id;
    }

    private static OptionSet parseOptions(String opts) {
        OptionSet s = new OptionSet();
        if (opts.isEmpty()) {
            return s;
        }
        for (String o : opts.split(",")) {
            String[] kv = o.split("=", 2);
            switch (kv[0]) {
                case "ro" -> s.readOnly = true;
                case "rw" -> s.readOnly = false;
                case "root_squash" -> s.squash = s.squash == Squash.ALL ? Squash.ALL : Squash.ROOT;
                case "no_root_squash" -> s.squash = s.squash == Squash.ALL ? Squash.ALL : Squash.NONE;
                case "all_squash" -> s.squash = Squash.ALL;
                case "no_all_squash" -> s.squash = s.squash == Squash.ALL ? Squash.ROOT : s.squash;
                case "anonuid" -> s.anonUid = number(kv, o);
                case "anongid" -> s.anonGid = number(kv, o);
                case "fsid" -> s.fsid = number(kv, o);
                case "sec" -> s.flavors = flavors(kv, o);
                case "pnfs" -> s.pnfs = kv.length == 2 ? PnfsMode.parse(kv[1]) : PnfsMode.FILES;
                case "no_pnfs" -> s.pnfs = PnfsMode.NONE;
                case "sync", "async", "secure", "insecure", "no_subtree_check", "subtree_check", "wdelay",
                     "no_wdelay", "hide", "nohide", "crossmnt" -> { }
                default -> throw new IllegalArgumentException("unknown export option " + o);
            }
        }
        return s;
    }

    private static int number(String[] kv, String o) {
        if (kv.length != 2) {
            throw new IllegalArgumentException("option needs a value: " + o);
        }
        try {
            return Integer.parseInt(kv[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + o);
        }
    }

    private static List<Integer> flavors(String[] kv, String o) {
        if (kv.length != 2) {
            throw new IllegalArgumentException("option needs a value: " + o);
        }
        List<Integer> out = new ArrayList<>();
        for (String f : kv[1].split(":")) {
            switch (f) {
                case "sys" -> out.add(1);
                case "none" -> out.add(0);
                default -> throw new IllegalArgumentException("unsupported security flavor " + f);
            }
        }
        return out;
    }

    private static final class OptionSet {
        boolean readOnly = true;
        Squash squash = Squash.ROOT;
        int anonUid = ExportOptions.NOBODY;
        int anonGid = ExportOptions.NOBODY;
        List<Integer> flavors = List.of(1);
        Integer fsid;
        PnfsMode pnfs = PnfsMode.FILES;

        ExportOptions options() {
            return new ExportOptions(readOnly, squash, anonUid, anonGid, flavors, pnfs);
        }
    }
}
