package org.gfspnfs.node.cli.conf;

import java.util.concurrent.Callable;
import org.gfspnfs.node.cli.ExitCodes;
import org.gfspnfs.node.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gfspnfs conf}: tools for cluster.conf. Groups the subcommands only. */
@Command(name = "conf",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Work with cluster.conf.",
        subcommands = {ConfCheckCommand.class})
public final class ConfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("gfspnfs conf: missing subcommand");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
