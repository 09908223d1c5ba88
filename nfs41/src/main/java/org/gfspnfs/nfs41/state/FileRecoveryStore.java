package org.gfspnfs.nfs41.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recovery store in a local file, one client owner key per line, rewritten atomically (temp file + rename) on
 * every change, so that a crash leaves either the old or the new list. Enough for a single-node server; an MDS
 * that fails over keeps the list on shared storage instead.
 */
public final class FileRecoveryStore implements RecoveryStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileRecoveryStore.class);

    private final Path file;
    private final Set<String> owners = new LinkedHashSet<>();

    /** Reads the existing list, if any. */
    public FileRecoveryStore(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    owners.add(line.trim());
                }
            }
        }
    }

    @Override
    public synchronized Set<String> load() {
        return Set.copyOf(owners);
    }

    @Override
    public synchronized void add(String ownerKey) {
        if (owners.add(ownerKey)) {
            persist();
        }
    }

    @Override
    public synchronized void remove(String ownerKey) {
        if (owners.remove(ownerKey)) {
            persist();
        }
    }

    private void persist() {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, owners, StandardCharsets.UTF_8);
            // Durable before it replaces the old list: a crash must leave one whole list or the other.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Clients recorded only in memory cannot reclaim after a restart; the server itself keeps working.
            LOG.error("cannot write recovery store {}", file, e);
            throw new UncheckedIOException(e);
        }
    }
}
