package org.gfspnfs.control.spi;

import java.util.List;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.FilesystemState;

/**
 * Read side of gfs-layout: the filesystems this node has open, their journals (one per node in GFS2, with
 * clean/dirty/replay state) and resource-group usage from the rgrp headers or their LVB-cached free counts.
 */
public interface FilesystemView {
    List<FilesystemState> filesystems() throws ControlException;
}
