package org.gfspnfs.control.cli;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.RecallTarget;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gfsctl recall-layouts --file FILE | --client ID}: CB_LAYOUTRECALL from the MDS. */
@Command(name = "recall-layouts", description = "Recall the layouts of a file or of a client (MDS).")
final class RecallLayoutsCommand extends CommandOutcomeCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--file", paramLabel = "FILE", description = "Recall every layout of this file.")
        String file;

        @Option(names = "--client", paramLabel = "CLIENTID", converter = ClientIdConverter.class,
                description = "Recall every layout of this client (hex as gfsctl clients shows it).")
        Long clientId;
    }

    @Override
    String jsonName() {
        return "recall-layouts";
    }

    @Override
    NodeCall<CommandOutcome> request() {
        RecallTarget t = target.file != null ? RecallTarget.file(target.file) : RecallTarget.client(target.clientId);
        return client -> client.recallLayouts(t);
    }
}
