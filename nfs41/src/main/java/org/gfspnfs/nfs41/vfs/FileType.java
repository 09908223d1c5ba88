package org.gfspnfs.nfs41.vfs;

/** The file types the NFSv4.1 server can present (RFC 8881 section 5.8.1.2, nfs_ftype4). */
public enum FileType {
    REGULAR, DIRECTORY, SYMLINK, BLOCK_DEVICE, CHAR_DEVICE, FIFO, SOCKET
}
