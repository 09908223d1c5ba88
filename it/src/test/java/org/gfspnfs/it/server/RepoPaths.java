package org.gfspnfs.it.server;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are, found from the it module's basedir (failsafe's working directory) by walking up to the checkout
 * root: the directory with the {@code gfspnfs} launcher and {@code it/pom.xml}.
 */
public record RepoPaths(Path root) {

    public static RepoPaths find() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("gfspnfs")) && Files.isRegularFile(d.resolve("it/pom.xml"))) {
                return new RepoPaths(d);
            }
        }
        throw new IllegalStateException("no gfs-pnfs checkout (gfspnfs + it/pom.xml) above " + dir);
    }

    public Path itModule() {
        return root.resolve("it");
    }

    /** it/target/&lt;name&gt;: logs and scratch of the integration tests. */
    public Path itTarget(String name) {
        return root.resolve("it/target").resolve(name);
    }
}
