package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.ClientInfo;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;

/** {@code gfsctl clients}: NFSv4.1 clients known to the MDS. */
@Command(name = "clients", description = "NFSv4.1 clients (served by the MDS node).")
final class ClientsCommand extends NodeCommand<List<ClientInfo>> {
    @Override
    String jsonName() {
        return "clients";
    }

    @Override
    NodeCall<List<ClientInfo>> request() {
        return ControlClient::clients;
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<List<ClientInfo>>> answered) {
        Table t = new Table("NODE", "CLIENTID", "OWNER", "ADDRESS", "STATE", "LEASE EXPIRES", "SESSIONS", "OPENS",
                "LAYOUTS");
        for (NodeAnswer.Answered<List<ClientInfo>> a : answered) {
            for (ClientInfo c : a.value()) {
                t.row(a.node().name(), String.format("%016x", c.clientId()), c.owner(), c.address(), c.state(),
                        Formats.time(c.leaseExpires()), c.sessions(), c.opens(), c.layouts());
            }
        }
        t.print(out);
    }
}
