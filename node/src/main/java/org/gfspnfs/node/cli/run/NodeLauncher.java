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
     * What a demo node needs: a heap for Hazelcast, the DLM and a data server's buffers, the serial collector
     * (the demo shares a small machine with its clients), and an exit rather than a limp on running out of it.
     */
    public static final List<String> NODE_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");

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
     * this process) and stdin from /dev/null.
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
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile())).start();
    }
}
