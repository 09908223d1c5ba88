package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.OpenInfo;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;

/** {@code gfsctl opens}: open stateids. */
@Command(name = "opens", description = "Open files by client (served by the MDS node).")
final class OpensCommand extends NodeCommand<List<OpenInfo>> {
    @Override
    String jsonName() {
        return "opens";
    }

    @Override
    NodeCall<List<OpenInfo>> request() {
        return ControlClient::opens;
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<List<OpenInfo>>> answered) {
        Table t = new Table("NODE", "STATEID", "CLIENTID", "FILE", "ACCESS", "DENY");
        for (NodeAnswer.Answered<List<OpenInfo>> a : answered) {
            for (OpenInfo o : a.value()) {
                t.row(a.node().name(), o.stateid(), String.format("%016x", o.clientId()), o.file(), o.access(),
                        o.deny());
            }
        }
        t.print(out);
    }
}
