package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** {@link FileIo} straight to the server the session is connected to (no layouts). */
final class MdsFileIo implements FileIo {
    private final FileClient client;
    private final OpenFile file;

    MdsFileIo(FileClient client, OpenFile file) {
        this.client = client;
        this.file = file;
    }

    static FileIo.Factory factory(FileClient client, byte[] dir) {
        return new FileIo.Factory() {
            @Override
            public FileIo create(String name) throws IOException {
                return new MdsFileIo(client, client.create(dir, name, NfsOps.ACCESS_BOTH));
            }

            @Override
            public FileIo openRead(String name) throws IOException {
                return new MdsFileIo(client, client.open(dir, name, NfsOps.ACCESS_READ));
            }
        };
    }

    @Override
    public CompletableFuture<Integer> write(long offset, ByteBuffer data) throws IOException {
        return client.write(file.fh(), file.stateid(), offset, data, NfsOps.UNSTABLE4);
    }

    @Override
    public CompletableFuture<ReadData> read(long offset, int count) throws IOException {
        return client.read(file.fh(), file.stateid(), offset, count).thenApply(r -> new ReadData(r.bytes(),
                r::release));
    }

    @Override
    public void commit(long size) throws IOException {
        client.commit(file.fh());
    }

    @Override
    public void close() throws IOException {
        client.close(file);
    }
}
