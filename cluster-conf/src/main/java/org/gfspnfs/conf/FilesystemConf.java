package org.gfspnfs.conf;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The shared-disk filesystem the cluster serves ({@code <filesystem>}).
 *
 * @param name      the filesystem's name
 * @param device    the shared block device or image file, absolute (relative paths resolve against the directory
 *                  of cluster.conf)
 * @param lockTable {@code cluster:fs}, whose cluster part equals the cluster name
 * @param journals  journal count; at least the number of nodes, each node mounting with its own
 */
public record FilesystemConf(String name, Path device, LockTable lockTable, int journals) {

    public FilesystemConf {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(lockTable, "lockTable");
        if (journals < 1) {
            throw new IllegalArgumentException("journals must be >= 1: " + journals);
        }
    }
}
