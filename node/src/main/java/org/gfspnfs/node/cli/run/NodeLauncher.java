package org.gfspnfs.node.cli.run;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gfspnfs.node.cli.GfsPnfsMain;

/**
 * Starts {@code gfspnfs} subcommands as child JVMs of the same Java installation and class path as this process
 * (found once, in {@code main}, and injected): the demo runs its cluster nodes this way.
 *
 * @param java      the {@code java} executable
 * @param classPath the class path of this process
 * @param jvmOptions options for each child JVM (heap, GC)
 */
public record NodeLauncher(Path java, String classPath, List<String> jvmOptions) {

    /**
     * What a demo node needs: a heap for Hazelcast, the DLM, the metadata cache (a quarter of it) and a data
     * server's buffers, sized up front; the serial collector (the demo shares a small machine with its clients);
     * and an exit rather than a limp on running out of it. 1 GiB, not less: the metadata cache's evicted blocks and
     * the DLM's unused resources (kept for the toss delay) age into the old generation, and at 384 MiB a full
     * collection (0.15-0.2 s) came every other round of 10,000 creates+READDIR+removes, halving the READDIR rate
     * it fell into; at 1 GiB, one in eight rounds. 2 GiB since: every round caches 10,000 new inodes (dinode
     * blocks, glocks, lock resources), some 50-70 MB that each young collection copies on (50-100 ms pauses); a
     * young generation twice as large halves their number (54 -> 20 in four rounds) and the rounds ran 10-30%
     * faster. Metaspace is sized for the classes a node loads, so start-up does not run two full collections to
     * grow it.
     */
    public static final List<String> NODE_JVM_OPTIONS = List.of("-Xms2g", "-Xmx2g", "-XX:MetaspaceSize=128m",
            "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    /** The variable the logging configuration reads (node/src/main/resources/logback.xml). */
    static final String LOG_LEVEL_VARIABLE = "GFSPNFS_LOG_LEVEL";

    public NodeLauncher {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classPath, "classPath");
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The launcher for children of a JVM whose {@code java.home} and {@code java.class.path} are given. */
    public static NodeLauncher of(Path javaHome, String classPath) {
        return new NodeLauncher(javaHome.resolve("bin").resolve("java"), classPath, NODE_JVM_OPTIONS);
    }

    /**
     * Starts {@code gfspnfs ARGS...} with stdout and stderr appended to {@code log} (so a node's output survives
     * this process), stdin from /dev/null, and INFO logging unless GFSPNFS_LOG_LEVEL says otherwise.
     */
    public Process start(List<String> args, Path log) throws IOException {
        if (!Files.isExecutable(java)) {
            throw new IOException("cannot start a node JVM: " + java + " is not executable");
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(GfsPnfsMain.class.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile())).redirectInput(Redirect.from(Path.of("/dev/null")
                        .toFile()));
        // A node's log is its post-mortem: membership, recovery and role changes (INFO) unless the user chose.
        pb.environment().putIfAbsent(LOG_LEVEL_VARIABLE, "INFO");
        return pb.start();
    }
}
