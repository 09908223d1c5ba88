package org.gfspnfs.node.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.gfspnfs.gfs.lock.BlockingCallback;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.gfspnfs.gfs.lock.LockModule;
import org.gfspnfs.gfs.lock.LockSession;

/**
 * gfs-layout's {@link LocalLockModule} guarded by an exclusive lock on the device file (fcntl/flock through
 * {@link FileChannel#tryLock()}): the local lock module only coordinates mounts inside one process, so the guard
 * makes sure no other process mounts the same device meanwhile.
 */
final class SingleNodeLockModule implements LockModule {
    private final LocalLockModule delegate = new LocalLockModule();
    private final FileChannel channel;
    private final FileLock lock;

    private SingleNodeLockModule(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static SingleNodeLockModule open(Path device) throws DaemonException {
        FileChannel ch;
        try {
            ch = FileChannel.open(device, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DaemonException("cannot open " + device + " to lock it: " + e.getMessage(), e);
        }
        try {
            FileLock l = ch.tryLock();
            if (l != null) {
                return new SingleNodeLockModule(ch, l);
            }
        } catch (OverlappingFileLockException | IOException e) {
            // OverlappingFileLockException: this very process already serves the device.
        }
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was locked; the refusal below is what matters
        }
        throw new DaemonException(device + " is in use by another gfspnfs process (single-node locking allows one "
                + "mount of a device at a time)");
    }

    @Override
    public LockSession join(String lockTable, int nodeSlot, BlockingCallback callback) {
        return delegate.join(lockTable, nodeSlot, callback);
    }

    @Override
    public void close() {
        delegate.close();
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock in any case; nothing to recover.
        }
    }
}
