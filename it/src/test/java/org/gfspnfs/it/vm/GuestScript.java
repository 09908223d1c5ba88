package org.gfspnfs.it.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A shell script for busybox ash that runs inside the guest with its cwd on the mount. The guest helper library
 * (resource {@code guest/lib.sh}: it_fail, it_eq, it_mountstats, ...) is put in front of it when it runs.
 */
public record GuestScript(String name, String body) {

    private static final String RESOURCE_DIR = "guest/";

    /** A workload from src/test/resources/guest, e.g. {@code resource("bigfile.sh")}. */
    public static GuestScript resource(String fileName) {
        return new GuestScript(fileName, readResource(RESOURCE_DIR + fileName));
    }

    public static GuestScript inline(String name, String body) {
        return new GuestScript(name, body);
    }

    /** The text the guest actually runs: the helper library, then this script. */
    String render() {
        return readResource(RESOURCE_DIR + "lib.sh") + "\n# ---- " + name + "\n" + body + "\n";
    }

    static String readResource(String path) {
        try (InputStream in = GuestScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
