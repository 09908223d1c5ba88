package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

import org.gfspnfs.control.api.LockspaceInfo;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;

/** {@code gfsctl ls}: the lockspaces of each node, like {@code dlm_tool ls}. */
@Command(name = "ls", description = "Lockspaces of each node (like dlm_tool ls).")
final class LsCommand extends NodeCommand<List<LockspaceInfo>> {
    @Override
    String jsonName() {
        return "ls";
    }

    @Override
    NodeCall<List<LockspaceInfo>> request() {
        return ControlClient::lockspaces;
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<List<LockspaceInfo>>> answered) {
        Table t = new Table("NODE", "LOCKSPACE", "GLOBAL ID", "STATE", "MEMBERS", "RESOURCES", "LOCKS");
        for (NodeAnswer.Answered<List<LockspaceInfo>> a : answered) {
            for (LockspaceInfo l : a.value()) {
                t.row(a.node().name(), l.name(), String.format("%08x", l.globalId()), l.state(),
                        l.members().stream().map(String::valueOf).collect(Collectors.joining(" ")), l.resources(),
                        l.locks());
            }
        }
        t.print(out);
    }
}
