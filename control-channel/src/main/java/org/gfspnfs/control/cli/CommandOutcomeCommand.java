package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.client.NodeAnswer;

/** Base of the mutating subcommands: one line per node saying what it did. */
abstract class CommandOutcomeCommand extends NodeCommand<CommandOutcome> {
    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<CommandOutcome>> answered) {
        for (NodeAnswer.Answered<CommandOutcome> a : answered) {
            out.println(a.node().name() + ": " + a.value().summary() + " (" + a.value().affected() + ")");
        }
    }

    /** Commands that change one node's own state need {@code --node NAME}; "all" would be a foot-gun. */
    void requireSingleNode() {
        if (cluster.node.equals("all")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    spec.name() + " changes one node's state: name it with --node NAME");
        }
    }
}
