package org.gfspnfs.node.cli;

import picocli.CommandLine;

/** Entry point of the {@code gfspnfs} launcher: the daemon and the filesystem tools. */
public final class GfsPnfsMain {

    private GfsPnfsMain() {
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The command tree, ready to execute; tests drive it the same way the launcher does. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new GfsPnfsCommand());
        commandLine.setExitCodeExceptionMapper(ExitCodes::forException);
        return commandLine;
    }
}
