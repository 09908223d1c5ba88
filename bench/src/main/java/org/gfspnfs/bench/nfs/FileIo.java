package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Data I/O on one open file, either straight to the server ({@link MdsFileIo}) or through a pNFS files layout to
 * the data servers ({@link PnfsFileIo}), so the sequential workload is the same code for both paths.
 */
public interface FileIo {

    /** Opens files of one directory. */
    interface Factory {
        /** Creates (or truncates by rewriting) and opens for read and write. */
        FileIo create(String name) throws IOException;

        /** Opens an existing file for reading. */
        FileIo openRead(String name) throws IOException;
    }

    /**
     * UNSTABLE WRITE of {@code data}'s remaining bytes at {@code offset}, sent from the buffer itself (it must not
     * change until the future completes); completes with the count written.
     */
    CompletableFuture<Integer> write(long offset, ByteBuffer data) throws IOException;

    /** READ at {@code offset}; completes with the bytes read (fewer at end of file), to be released once used. */
    CompletableFuture<ReadData> read(long offset, int count) throws IOException;

    /** Makes written data stable: COMMIT (and for pNFS, LAYOUTCOMMIT of {@code size} bytes). */
    void commit(long size) throws IOException;

    /** Releases the file (LAYOUTRETURN for pNFS, then CLOSE). */
    void close() throws IOException;
}
