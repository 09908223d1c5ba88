package org.gfspnfs.gfs;

/**
 * Identity of an inode as a filehandle carries it. As in GFS2 the inode number is the block address of the dinode;
 * the generation comes from the resource group's dinode generation counter at allocation time, so a handle to a
 * deleted inode whose block was reused by another inode is detected ({@link StaleHandleException}).
 *
 * @param number     block address of the dinode (the NFS fileid)
 * @param generation allocation generation of the dinode
 */
public record InodeId(long number, long generation) {
    /** Size of {@link #toBytes()}. */
    public static final int BYTES = 16;

    /** Big-endian (number, generation): an opaque, stable filehandle body. */
    public byte[] toBytes() {
        byte[] b = new byte[BYTES];
        java.nio.ByteBuffer.wrap(b).putLong(number).putLong(generation);
        return b;
    }

    /** Inverse of {@link #toBytes()}. */
    public static InodeId fromBytes(byte[] b) throws InvalidArgumentException {
        if (b == null || b.length != BYTES) {
            throw new InvalidArgumentException("inode handle must be " + BYTES + " bytes");
        }
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
        return new InodeId(bb.getLong(), bb.getLong());
    }
}
