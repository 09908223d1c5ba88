package org.gfspnfs.nfs41.ops;

import java.nio.ByteBuffer;

import org.gfspnfs.nfs41.xdr.Write4Args;

/**
 * A WRITE's payload as one buffer: the RPC message's own direct memory when the record came in one fragment (it
 * always lies in one slab, see {@code transport.RecordAssembly}); otherwise joined into a direct buffer of the
 * calling thread (one copy, no zeroing), so the device writes it without the JDK's own copy into a temporary
 * direct buffer. The result is valid only until the same thread's next call: use it within the operation.
 */
public final class WritePayload {
    private final ThreadLocal<ByteBuffer> joined = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));

    /** The payload of {@code args}, read-only, position 0, limit its length. */
    public ByteBuffer contiguous(Write4Args args) {
        ByteBuffer[] parts = args.parts();
        if (parts.length == 1) {
            return parts[0];
        }
        ByteBuffer b = joined.get();
        if (b.capacity() < args.length()) {
            b = ByteBuffer.allocateDirect(args.length());
            joined.set(b);
        }
        b.clear();
        return args.gather(b);
    }
}
