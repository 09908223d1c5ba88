package org.gfspnfs.control.cli;

import java.time.Clock;

import org.gfspnfs.control.client.ClusterDirectory;
import org.gfspnfs.control.client.ControlClient;

import picocli.CommandLine;

/** Entry point of {@code ./gfsctl}. */
public final class GfsctlMain {
    private GfsctlMain() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(ClusterDirectory::load, Clock.systemUTC(), ControlClient.localCaller("gfsctl"))
                .execute(args));
    }

    /** The configured command line; tests use it with their own loader, clock and captured output. */
    public static CommandLine commandLine(ClusterDirectory.Loader loader, Clock clock, String caller) {
        CommandLine cl = new CommandLine(new GfsctlCommand(loader, clock, caller));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
