/**
 * The GFS-style shared-disk filesystem every node mounts from the same block device (GFS2 concepts throughout).
 *
 * <p>API: {@link org.gfspnfs.gfs.FileSystem} (namespace, data, pNFS unwritten-extent path, recovery), opened with
 * {@link org.gfspnfs.gfs.FileSystems#mount} on a device formatted by {@link org.gfspnfs.gfs.Mkfs}; identities
 * ({@link org.gfspnfs.gfs.InodeId}), attribute and listing records, and one {@link org.gfspnfs.gfs.GfsException}
 * subclass per POSIX error ({@link org.gfspnfs.gfs.Errno}).
 *
 * <p>Packages: {@code device} (the block device abstraction), {@code lock} (the LockModule SPI and the in-process
 * module), {@code format} (on-disk structures, see FORMAT.md), {@code journal} (log writer and replay),
 * {@code impl} (glocks, metadata cache, allocation, block tree, directories, operations; package-private),
 * {@code fsck} and {@code dump} (tools over the raw format).
 */
package org.gfspnfs.gfs;
