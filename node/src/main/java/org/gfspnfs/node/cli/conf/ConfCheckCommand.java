package org.gfspnfs.node.cli.conf;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterConfParser;
import org.gfspnfs.conf.ConfException;
import org.gfspnfs.node.cli.ExitCodes;
import org.gfspnfs.node.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gfspnfs conf check FILE}: parse and validate a cluster.conf, print a summary or every problem.
 * Exit 0 valid, 1 invalid or unreadable, 2 usage error. With {@code --json}, one JSON object on stdout whatever
 * the outcome ({@link ConfJson} documents it).
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Check a cluster.conf: print a summary of nodes, roles, quorum and fencing, or every problem "
                + "with file:line:column and what to do.",
                "Exit status: 0 valid, 1 invalid or unreadable, 2 usage error."})
public final class ConfCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the cluster.conf to check")
    Path file;

    @Option(names = "--json", description = "print one JSON object (for scripts) instead of text")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ClusterConf conf = ClusterConfParser.parse(file);
            if (json) {
                out.println(ConfJson.valid(file, conf));
            } else {
                new ConfSummary(file, conf).print(out);
            }
            return ExitCodes.OK;
        } catch (ConfException e) {
            if (json) {
                out.println(ConfJson.invalid(file, e.problems()));
            } else {
                e.problems().forEach(p -> err.println(p.format()));
                int n = e.problems().size();
                err.println(file + ": invalid, " + n + (n == 1 ? " problem" : " problems"));
            }
            return ExitCodes.INVALID;
        } catch (IOException e) {
            String reason = "cannot read " + file + ": " + reason(e);
            if (json) {
                out.println(ConfJson.unreadable(file, reason));
            } else {
                err.println("gfspnfs conf check: " + reason);
            }
            return ExitCodes.INVALID;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e.getMessage() != null && e.getMessage().contains("Is a directory")) {
            return "it is a directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
