package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;

/** {@code gfsctl ping}: the NULL procedure, signed: is each node up and does it accept our key? */
@Command(name = "ping", description = "Check that each node answers and accepts the key.")
final class PingCommand extends NodeCommand<String> {
    @Override
    String jsonName() {
        return "ping";
    }

    @Override
    NodeCall<String> request() {
        return client -> {
            client.ping();
            return "ok";
        };
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<String>> answered) {
        answered.forEach(a -> out.println(a.node().name() + ": ok"));
    }
}
