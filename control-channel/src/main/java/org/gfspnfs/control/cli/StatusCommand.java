package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.FenceEvent;
import org.gfspnfs.control.api.MemberInfo;
import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.api.QuorumInfo;
import org.gfspnfs.control.api.RecoveryStep;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;

/** {@code gfsctl status}: each node's member view, quorum, fencing log and recovery steps with timestamps. */
@Command(name = "status", description = "Member view, quorum, fencing and recovery steps of each node.")
final class StatusCommand extends NodeCommand<NodeStatus> {
    @Override
    String jsonName() {
        return "status";
    }

    @Override
    NodeCall<NodeStatus> request() {
        return ControlClient::status;
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<NodeStatus>> answered) {
        for (NodeAnswer.Answered<NodeStatus> a : answered) {
            NodeStatus s = a.value();
            QuorumInfo q = s.quorum();
            out.printf("== %s (nodeid %d, roles %s) at %s%n", s.nodeName(), s.nodeId(),
                    s.roles().isEmpty() ? "-" : String.join(",", s.roles()), Formats.time(s.reportedAt()));
            out.printf("quorum: %s, %d of %d expected votes, quorum %d%s%s%n", q.quorate() ? "quorate" : "INQUORATE",
                    q.totalVotes(), q.expectedVotes(), q.quorumVotes(), q.twoNode() ? ", two_node" : "",
                    q.waitForAll() ? ", wait_for_all" : "");
            Table members = new Table("MEMBER", "NODEID", "STATE", "VOTES", "SINCE");
            for (MemberInfo m : s.members()) {
                members.row(m.name(), m.nodeId(), m.state(), m.votes(), Formats.time(m.since()));
            }
            members.print(out);
            printFencing(out, s.fencing());
            printRecovery(out, s.recovery());
            out.println();
        }
    }

    private static void printFencing(PrintWriter out, List<FenceEvent> fencing) {
        if (fencing.isEmpty()) {
            out.println("fencing: none");
            return;
        }
        out.println("fencing:");
        Table t = new Table("  TARGET", "METHOD", "OUTCOME", "AT", "DETAIL");
        fencing.forEach(f -> t.row("  " + f.target(), f.method(), f.outcome(), Formats.time(f.at()), f.detail()));
        t.print(out);
    }

    private static void printRecovery(PrintWriter out, List<RecoveryStep> recovery) {
        if (recovery.isEmpty()) {
            out.println("recovery: none");
            return;
        }
        out.println("recovery:");
        Table t = new Table("  LOST", "STEP", "STATE", "STARTED", "FINISHED", "DETAIL");
        recovery.forEach(r -> t.row("  " + r.lostNode(), r.phase(), r.state(), Formats.time(r.startedAt()),
                Formats.time(r.finishedAt()), r.detail()));
        t.print(out);
    }
}
