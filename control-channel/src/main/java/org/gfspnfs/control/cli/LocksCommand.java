package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.LockEntry;
import org.gfspnfs.control.api.LockMode;
import org.gfspnfs.control.api.ResourceInfo;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gfsctl locks LOCKSPACE}: resources of a lockspace with master, queues (lock id, owning node, modes, age) and
 * LVB, like {@code dlm_tool lockdebug -v}.
 */
@Command(name = "locks", description = "Resources and locks of a lockspace on each node (like dlm_tool lockdebug).")
final class LocksCommand extends NodeCommand<List<ResourceInfo>> {
    @Parameters(index = "0", paramLabel = "LOCKSPACE", description = "Lockspace name, as gfsctl ls shows it.")
    String lockspace;

    @Override
    String jsonName() {
        return "locks";
    }

    @Override
    NodeCall<List<ResourceInfo>> request() {
        return client -> client.locks(lockspace);
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<List<ResourceInfo>>> answered) {
        for (NodeAnswer.Answered<List<ResourceInfo>> a : answered) {
            out.printf("== %s: lockspace %s, %d resources%n", a.node().name(), lockspace, a.value().size());
            Table t = new Table("RESOURCE", "MASTER", "QUEUE", "LKID", "NODE", "GRANTED", "REQUESTED", "AGE", "LVB");
            for (ResourceInfo r : a.value()) {
                String lvb = r.lvb().length == 0 ? "-" : Formats.hex(r.lvb()) + (r.lvbValid() ? "" : " (invalid)");
                rows(t, r, "granted", r.granted(), lvb);
                rows(t, r, "convert", r.converting(), lvb);
                rows(t, r, "waiting", r.waiting(), lvb);
                if (r.granted().isEmpty() && r.converting().isEmpty() && r.waiting().isEmpty()) {
                    t.row(r.name(), r.masterNodeId(), "-", "-", "-", "-", "-", "-", lvb);
                }
            }
            t.print(out);
            out.println();
        }
    }

    private static void rows(Table t, ResourceInfo r, String queue, List<LockEntry> locks, String lvb) {
        for (LockEntry l : locks) {
            t.row(r.name(), r.masterNodeId(), queue, Formats.lockId(l.lockId()), l.nodeId(), mode(l.grantedMode()),
                    mode(l.requestedMode()), Formats.age(l.age()), lvb);
        }
    }

    private static String mode(LockMode m) {
        return m == LockMode.IV ? "-" : m.name();
    }
}
