package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.DeadlockInfo;
import org.gfspnfs.control.api.WaiterInfo;
import org.gfspnfs.control.api.WaitersReport;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gfsctl waiters [LOCKSPACE]}: lock requests not granted yet, and deadlocks the dlm detected. */
@Command(name = "waiters", description = "Ungranted lock requests and detected deadlocks (all lockspaces by default).")
final class WaitersCommand extends NodeCommand<WaitersReport> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "LOCKSPACE", description = "Only this lockspace.")
    String lockspace = "";

    @Override
    String jsonName() {
        return "waiters";
    }

    @Override
    NodeCall<WaitersReport> request() {
        return client -> client.waiters(lockspace);
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<WaitersReport>> answered) {
        Table w = new Table("NODE", "LOCKSPACE", "RESOURCE", "LKID", "OWNER", "GRANTED", "REQUESTED", "WAITING");
        Table d = new Table("NODE", "LOCKSPACE", "DETECTED", "VICTIM", "CYCLE");
        for (NodeAnswer.Answered<WaitersReport> a : answered) {
            for (WaiterInfo x : a.value().waiters()) {
                w.row(a.node().name(), x.lockspace(), x.resource(), Formats.lockId(x.lockId()), x.nodeId(),
                        x.grantedMode(), x.requestedMode(), Formats.age(x.waiting()));
            }
            for (DeadlockInfo x : a.value().deadlocks()) {
                d.row(a.node().name(), x.lockspace(), Formats.time(x.detectedAt()), Formats.lockId(x.victimLockId()),
                        cycle(x.cycle()));
            }
        }
        w.print(out);
        if (!d.isEmpty()) {
            out.println();
            out.println("deadlocks:");
            d.print(out);
        }
    }

    private static String cycle(List<WaiterInfo> cycle) {
        StringBuilder sb = new StringBuilder();
        for (WaiterInfo x : cycle) {
            sb.append(sb.length() == 0 ? "" : " -> ").append(Formats.lockId(x.lockId())).append('@')
                    .append(x.nodeId()).append(' ').append(x.resource());
        }
        return sb.toString();
    }
}
