package org.gfspnfs.control.cli;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LayoutInfo;
import org.gfspnfs.control.client.NodeAnswer;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gfsctl layouts [--file FILE | --ds NODE]}: layouts held by clients, all or by file or by data server. */
@Command(name = "layouts", description = "pNFS layouts: all, of one file, or naming one data server.")
final class LayoutsCommand extends NodeCommand<List<LayoutInfo>> {
    @ArgGroup(exclusive = true)
    Filter filter;

    static final class Filter {
        @Option(names = "--file", paramLabel = "FILE", description = "Only layouts of this file.")
        String file;

        @Option(names = "--ds", paramLabel = "NODE", description = "Only layouts naming this data server.")
        String dataServer;
    }

    @Override
    String jsonName() {
        return "layouts";
    }

    @Override
    NodeCall<List<LayoutInfo>> request() {
        LayoutFilter f = filter == null ? LayoutFilter.all()
                : filter.file != null ? LayoutFilter.file(filter.file) : LayoutFilter.dataServer(filter.dataServer);
        return client -> client.layouts(f);
    }

    @Override
    void printHuman(PrintWriter out, List<NodeAnswer.Answered<List<LayoutInfo>>> answered) {
        Table t = new Table("NODE", "STATEID", "CLIENTID", "FILE", "IOMODE", "OFFSET", "LENGTH", "DATA SERVERS",
                "RECALLING");
        for (NodeAnswer.Answered<List<LayoutInfo>> a : answered) {
            for (LayoutInfo l : a.value()) {
                t.row(a.node().name(), l.stateid(), String.format("%016x", l.clientId()), l.file(), l.iomode(),
                        l.offset(), l.length() == -1 ? "EOF" : l.length(), String.join(",", l.dataServers()),
                        Formats.yesNo(l.recalling()));
            }
        }
        t.print(out);
    }
}
