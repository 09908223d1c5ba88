package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.MemberInfo;
import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;

/** {@code gfsctl members}: the member view of each node side by side, to spot nodes that disagree. */
@Command(name = "members", description = "Member view of each node, one row per (node asked, member).")
final class MembersCommand extends NodeCommand<NodeStatus> {
    @Override
    String jsonName() {
        return "members";
    }

    @Override
    NodeCall<NodeStatus> request() {
        return ControlClient::status;
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<NodeStatus>> answered) {
        Table t = new Table("VIEW OF", "MEMBER", "NODEID", "STATE", "VOTES", "SINCE", "QUORATE");
        for (NodeAnswer.Answered<NodeStatus> a : answered) {
            for (MemberInfo m : a.value().members()) {
                t.row(a.node().name(), m.name(), m.nodeId(), m.state(), m.votes(), Formats.time(m.since()),
                        Formats.yesNo(a.value().quorum().quorate()));
            }
        }
        t.print(out);
    }
}
