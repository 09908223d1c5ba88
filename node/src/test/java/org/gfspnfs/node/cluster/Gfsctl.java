package org.gfspnfs.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gfspnfs.node.testing.InProcessGfsctl;

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
        InProcessGfsctl.Result r = InProcessGfsctl.run("cluster-it", all.toArray(String[]::new));
        return new Result(r.exit(), r.out(), r.err());
    }
}
