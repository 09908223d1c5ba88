package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.FilesystemState;
import org.gfspnfs.control.api.JournalInfo;
import org.gfspnfs.control.api.RgrpUsage;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;

/** {@code gfsctl fs}: journals and their state, resource-group usage, per node. */
@Command(name = "fs", description = "Filesystem state: journals and resource-group usage.")
final class FsCommand extends NodeCommand<List<FilesystemState>> {
    @Override
    String jsonName() {
        return "fs";
    }

    @Override
    NodeCall<List<FilesystemState>> request() {
        return ControlClient::filesystems;
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<List<FilesystemState>>> answered) {
        for (NodeAnswer.Answered<List<FilesystemState>> a : answered) {
            for (FilesystemState fs : a.value()) {
                out.printf("== %s: filesystem %s on %s, block size %d%n", a.node().name(), fs.name(), fs.device(),
                        fs.blockSize());
                Table j = new Table("JOURNAL", "OWNER", "STATE", "SEQUENCE");
                for (JournalInfo x : fs.journals()) {
                    j.row("journal" + x.index(), x.owner().isEmpty() ? "-" : x.owner(), x.state(), x.sequence());
                }
                j.print(out);
                Table r = new Table("RGRP", "FIRST BLOCK", "BLOCKS", "FREE", "USED%", "DINODES", "HELD BY");
                for (RgrpUsage x : fs.rgrps()) {
                    long used = x.blocks() == 0 ? 0 : (x.blocks() - x.freeBlocks()) * 100 / x.blocks();
                    r.row(x.index(), x.firstBlock(), x.blocks(), x.freeBlocks(), used, x.dinodes(),
                            x.holderNodeId() == 0 ? "-" : x.holderNodeId());
                }
                r.print(out);
                out.println();
            }
        }
    }
}
