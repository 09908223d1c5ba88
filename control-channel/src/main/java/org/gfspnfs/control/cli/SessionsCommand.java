package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.SessionInfo;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;

/** {@code gfsctl sessions}: NFSv4.1 sessions. */
@Command(name = "sessions", description = "NFSv4.1 sessions (served by the MDS node).")
final class SessionsCommand extends NodeCommand<List<SessionInfo>> {
    @Override
    String jsonName() {
        return "sessions";
    }

    @Override
    NodeCall<List<SessionInfo>> request() {
        return ControlClient::sessions;
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<List<SessionInfo>>> answered) {
        Table t = new Table("NODE", "SESSION", "CLIENTID", "SLOTS", "BACKCHANNEL", "CREATED");
        for (NodeAnswer.Answered<List<SessionInfo>> a : answered) {
            for (SessionInfo s : a.value()) {
                t.row(a.node().name(), s.sessionId(), String.format("%016x", s.clientId()), s.foreSlots(),
                        Formats.yesNo(s.backchannel()), Formats.time(s.created()));
            }
        }
        t.print(out);
    }
}
