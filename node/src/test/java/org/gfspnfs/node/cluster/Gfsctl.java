package org.gfspnfs.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gfspnfs.control.cli.GfsctlMain;
import org.gfspnfs.control.client.ClusterDirectory;
import org.gfspnfs.control.client.ControlClient;
import picocli.CommandLine;

/** {@code gfsctl ... --conf <the test cluster's cluster.conf>}, run in-process with its output captured. */
final class Gfsctl {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
    }

    private Gfsctl() {
    }

    /** Runs a --json query that must succeed (exit 0) and returns the parsed answer. */
    static JsonNode json(ClusterFixture cluster, String... args) throws IOException {
        Result r = run(cluster, args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return JSON.readTree(r.out());
    }

    static Result run(ClusterFixture cluster, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--conf", cluster.confFile.toString()));
        CommandLine cl = GfsctlMain.commandLine(ClusterDirectory::load, Clock.systemUTC(),
                ControlClient.localCaller("cluster-it"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }
}
