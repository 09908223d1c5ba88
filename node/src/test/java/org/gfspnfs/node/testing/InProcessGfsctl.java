package org.gfspnfs.node.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;

import org.gfspnfs.control.cli.GfsctlMain;
import org.gfspnfs.control.client.ClusterDirectory;
import org.gfspnfs.control.client.ControlClient;
import picocli.CommandLine;

/** {@code gfsctl ARGS} run in this JVM, as the CLI runs it, with its exit status and output captured. */
public final class InProcessGfsctl {

    /** What one command left: its exit status and the text on stdout and stderr. */
    public record Result(int exit, String out, String err) {
    }

    private InProcessGfsctl() {
    }

    /** Runs {@code gfsctl args}, signing its calls as {@code caller}. */
    public static Result run(String caller, String... args) {
        CommandLine cl = GfsctlMain.commandLine(ClusterDirectory::load, Clock.systemUTC(),
                ControlClient.localCaller(caller));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
