package org.gfspnfs.node.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code gfspnfs} command. Each subcommand is its own class; this one only groups them.
 */
@Command(name = "gfspnfs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "pNFS gateway for a GFS-style shared-disk cluster filesystem: daemon and tools.",
        subcommands = {
                AutoComplete.GenerateCompletion.class,
                HelpCommand.class,
                org.gfspnfs.node.cli.conf.ConfCommand.class,
                org.gfspnfs.node.cli.fs.MkfsCommand.class,
                org.gfspnfs.node.cli.fs.FsckCommand.class,
                org.gfspnfs.node.cli.fs.DumpCommand.class,
                org.gfspnfs.node.cli.run.StartCommand.class,
                org.gfspnfs.node.cli.run.DemoCommand.class,
        })
public final class GfsPnfsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("gfspnfs: missing subcommand");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
