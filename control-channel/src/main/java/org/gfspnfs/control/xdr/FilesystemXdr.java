package org.gfspnfs.control.xdr;

import static org.gfspnfs.control.xdr.XdrWriter.enumOf;
import static org.gfspnfs.control.xdr.XdrWriter.list;
import static org.gfspnfs.control.xdr.XdrWriter.string;

import org.gfspnfs.control.api.FilesystemState;
import org.gfspnfs.control.api.JournalInfo;
import org.gfspnfs.control.api.JournalState;
import org.gfspnfs.control.api.RgrpUsage;

/** XDR of the FILESYSTEMS result (PROTOCOL.md). */
public final class FilesystemXdr {
    public static final XdrCodec<JournalInfo> JOURNAL = XdrCodec.of((out, j) -> {
        out.xdrEncodeInt(j.index());
        string(out, j.owner());
        enumOf(out, j.state());
        out.xdrEncodeLong(j.sequence());
    }, in -> new JournalInfo(in.int32(), in.string(), in.enumOf(JournalState.class), in.hyper()));

    public static final XdrCodec<RgrpUsage> RGRP = XdrCodec.of((out, r) -> {
        out.xdrEncodeInt(r.index());
        out.xdrEncodeLong(r.firstBlock());
        out.xdrEncodeLong(r.blocks());
        out.xdrEncodeLong(r.freeBlocks());
        out.xdrEncodeLong(r.dinodes());
        out.xdrEncodeInt(r.holderNodeId());
    }, in -> new RgrpUsage(in.int32(), in.hyper(), in.hyper(), in.hyper(), in.hyper(), in.int32()));

    public static final XdrCodec<FilesystemState> FILESYSTEM = XdrCodec.of((out, f) -> {
        string(out, f.name());
        string(out, f.device());
        out.xdrEncodeInt(f.blockSize());
        list(out, f.journals(), JOURNAL);
        list(out, f.rgrps(), RGRP);
    }, in -> new FilesystemState(in.string(), in.string(), in.int32(), in.list(JOURNAL), in.list(RGRP)));

    private FilesystemXdr() {
    }
}
