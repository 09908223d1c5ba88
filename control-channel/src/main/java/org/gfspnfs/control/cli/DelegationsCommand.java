package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.DelegationInfo;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;

/** {@code gfsctl delegations}: read and write delegations, and which are being recalled. */
@Command(name = "delegations", description = "Delegations by client, read or write, recalled or not (served by the"
        + " MDS node).")
final class DelegationsCommand extends NodeCommand<List<DelegationInfo>> {
    @Override
    String jsonName() {
        return "delegations";
    }

    @Override
    NodeCall<List<DelegationInfo>> request() {
        return ControlClient::delegations;
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<List<DelegationInfo>>> answered) {
        Table t = new Table("NODE", "STATEID", "CLIENTID", "FILE", "TYPE", "RECALLING");
        for (NodeAnswer.Answered<List<DelegationInfo>> a : answered) {
            for (DelegationInfo d : a.value()) {
                t.row(a.node().name(), d.stateid(), String.format("%016x", d.clientId()), d.file(), d.type(),
                        d.recalling() ? "yes" : "no");
            }
        }
        t.print(out);
    }
}
