package org.gfspnfs.node.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gfspnfs.nfs41.state.RecoveryStore;

/**
 * The NFSv4.1 clients that hold state, in a file (one hex client owner per line), so that after a restart of
 * the server they may reclaim their opens and locks in the grace period (RFC 8881 section 8.4.3; knfsd keeps the
 * same list through nfsdcld). Rewritten atomically (temporary file, fsync, rename) on each change; changes are
 * rare (a client's first session, its expiry or DESTROY_CLIENTID).
 *
 * <p>The file is node-local. An MDS taken over by another node needs the list on shared storage; that comes with
 * MDS failover.
 */
final class FileRecoveryStore implements RecoveryStore {
    private final Path file;
    private final Set<String> owners;

    private FileRecoveryStore(Path file, Set<String> owners) {
        this.file = file;
        this.owners = owners;
    }

    static FileRecoveryStore open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Set<String> owners = new LinkedHashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    owners.add(line.strip());
                }
            }
        }
        return new FileRecoveryStore(file, owners);
    }

    @Override
    public synchronized Set<String> load() {
        return Set.copyOf(owners);
    }

    @Override
    public synchronized void add(String ownerKey) {
        if (owners.add(ownerKey)) {
            save();
        }
    }

    @Override
    public synchronized void remove(String ownerKey) {
        if (owners.remove(ownerKey)) {
            save();
        }
    }

    private void save() {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(temp, List.copyOf(owners), StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The engine calls this from request threads that cannot report it; failing the request is right:
            // a client whose state is not recorded could not reclaim after a restart.
            throw new UncheckedIOException("cannot record NFS client state in " + file, e);
        }
    }
}
