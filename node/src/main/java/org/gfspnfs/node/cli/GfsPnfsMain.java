package org.gfspnfs.node.cli;

import java.nio.file.Path;

import org.gfspnfs.node.cli.run.DemoCommand;
import org.gfspnfs.node.cli.run.NodeLauncher;
import picocli.CommandLine;

/** Entry point of the {@code gfspnfs} launcher: the daemon and the filesystem tools. */
public final class GfsPnfsMain {

    private GfsPnfsMain() {
    }

    public static void main(String[] args) {
        // The demo starts its nodes with this JVM's java and class path: read once, here, and injected.
        NodeLauncher launcher = NodeLauncher.of(Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path"));
        int status;
        try {
            status = newCommandLine(launcher).execute(args);
        } catch (Error e) {
            // picocli hands Errors through. A daemon's threads would keep a JVM whose main died alive, serving
            // half-started: report and end it.
            e.printStackTrace();
            status = ExitCodes.FAILURE;
        }
        System.exit(status);
    }

    /** The command tree without a node launcher (the demo then runs only --nodes 1). */
    public static CommandLine newCommandLine() {
        return newCommandLine(null);
    }

    /** The command tree, ready to execute; tests drive it the same way the launcher does. */
    public static CommandLine newCommandLine(NodeLauncher launcher) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DemoCommand.class ? type.cast(new DemoCommand(launcher)) : defaults.create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new GfsPnfsCommand(), factory);
        commandLine.setExitCodeExceptionMapper(ExitCodes::forException);
        return commandLine;
    }
}
