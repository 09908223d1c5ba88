package org.gfspnfs.control.api;

import java.util.List;

/** The state of one mounted filesystem: its journals and resource-group usage. */
public record FilesystemState(String name, String device, int blockSize, List<JournalInfo> journals,
                              List<RgrpUsage> rgrps) {
    public FilesystemState {
        journals = List.copyOf(journals);
        rgrps = List.copyOf(rgrps);
    }
}
