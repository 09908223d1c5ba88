package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.gfspnfs.control.api.ControlStatus;
import org.gfspnfs.control.client.ClusterQuery;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;
import org.gfspnfs.control.client.NodeCallException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The shape of every subcommand that asks nodes something: resolve nodes and key from the options, ask all targets in
 * parallel, print a table (or the JSON envelope), then one line per node that did not answer, and exit with the code
 * of the worst outcome ({@link ExitCodes}). Subclasses say what to ask and how to print the answers.
 */
abstract class NodeCommand<T> implements Callable<Integer> {
    @ParentCommand
    GfsctlCommand root;

    /** The shared options, declared on {@code gfsctl} and inherited here; set when the command runs. */
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    /** The name under "command" in JSON output. */
    abstract String jsonName();

    abstract NodeCall<T> request();

    /** Prints the answers of the nodes that answered; nodes that did not are listed after it by the base. */
    abstract void printHuman(PrintWriter out, List<NodeAnswer.Answered<T>> answered);

    /** Checks options that depend on each other; throw picocli's ParameterException for a usage error. */
    void validate() {
    }

    @Override
    public Integer call() {
        cluster = root.cluster;
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Targets targets;
        try {
            targets = root.targets(cluster);
        } catch (Targets.TargetException e) {
            err.println("gfsctl: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        List<NodeAnswer<T>> answers;
        try (ClusterQuery query = new ClusterQuery(targets.nodes(), targets.key(), root.caller(), cluster.timeout,
                root.clock())) {
            answers = query.ask(request());
        }
        if (cluster.json) {
            new JsonOutput().print(out, jsonName(), answers);
        } else {
            List<NodeAnswer.Answered<T>> answered = answers.stream()
                    .filter(a -> a instanceof NodeAnswer.Answered<T>)
                    .map(a -> (NodeAnswer.Answered<T>) a).toList();
            if (!answered.isEmpty()) {
                printHuman(out, answered);
            }
            answers.forEach(a -> printProblem(out, a));
        }
        out.flush();
        return exitCode(answers);
    }

    private static void printProblem(PrintWriter out, NodeAnswer<?> answer) {
        if (answer instanceof NodeAnswer.Declined<?> d) {
            String what = d.error().status() == ControlStatus.NOT_SERVED ? "not served" : "error "
                    + d.error().status().name();
            out.println(d.node().name() + ": " + what + ": " + d.error().getMessage());
        } else if (answer instanceof NodeAnswer.Failed<?> f) {
            out.println(f.node().name() + ": " + f.failure().getMessage());
        }
    }

    static int exitCode(List<? extends NodeAnswer<?>> answers) {
        int code = ExitCodes.OK;
        boolean anyServed = false;
        for (NodeAnswer<?> a : answers) {
            if (a instanceof NodeAnswer.Answered<?>) {
                anyServed = true;
            } else if (a instanceof NodeAnswer.Declined<?> d) {
                if (d.error().status() != ControlStatus.NOT_SERVED) {
                    anyServed = true;
                    code = Math.max(code, ExitCodes.NODE_ERROR);
                }
            } else if (a instanceof NodeAnswer.Failed<?> f) {
                code = Math.max(code, f.failure().kind() == NodeCallException.Kind.AUTH_REFUSED
                        ? ExitCodes.AUTH_REFUSED : ExitCodes.NO_ANSWER);
            }
        }
        if (!anyServed && code == ExitCodes.OK) {
            code = ExitCodes.NODE_ERROR; // every node said NOT_SERVED: nobody can answer this
        }
        return code;
    }
}
