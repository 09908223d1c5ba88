package org.gfspnfs.nfs41.compound;

import java.nio.ByteBuffer;

import org.gfspnfs.nfs41.status.BadHandleException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.FsInfo;
import org.gfspnfs.nfs41.vfs.Inode;

/**
 * The server's file handle: a tag of the filesystem (from its fsid), the export the object was reached through,
 * and the inode. Persistent (fh_expire_type FH4_PERSISTENT, RFC 8881 section 4.2.3): it holds nothing that
 * changes on restart, so handles survive a restart or an MDS failover; a handle of another filesystem (a
 * re-made image) is recognised by its tag and answered with NFS4ERR_STALE. Format: magic 'G', version 2,
 * filesystem tag (4), export id (4), inode number (8), generation (8).
 */
public record FileHandle(int fsTag, int exportId, Inode inode) {
    private static final byte MAGIC = 'G';
    private static final byte VERSION = 2;
    public static final int SIZE = 26;

    /** The tag of a filesystem: a hash of its fsid, stable for the life of the filesystem. */
    public static int tagOf(FsInfo info) {
        long h = info.fsidMajor() * 0x9E3779B97F4A7C15L ^ info.fsidMinor();
        return (int) (h ^ (h >>> 32));
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.put(MAGIC).put(VERSION).putInt(fsTag).putInt(exportId).putLong(inode.number())
                .putLong(inode.generation());
        return b.array();
    }

    /** Parses a handle from the wire; anything we did not issue is NFS4ERR_BADHANDLE. */
    public static FileHandle fromBytes(byte[] bytes) throws NfsException {
        if (bytes.length != SIZE || bytes[0] != MAGIC || bytes[1] != VERSION) {
            throw new BadHandleException("not a handle of this server");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 2, SIZE - 2);
        int tag = b.getInt();
        int exportId = b.getInt();
        return new FileHandle(tag, exportId, new Inode(b.getLong(), b.getLong()));
    }
}
