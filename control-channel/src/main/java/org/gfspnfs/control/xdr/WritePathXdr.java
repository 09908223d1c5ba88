package org.gfspnfs.control.xdr;

import static org.gfspnfs.control.xdr.XdrWriter.enumOf;

import java.io.IOException;
import java.util.List;

import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.ExtentKind;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.FileRef;
import org.gfspnfs.control.api.MappedExtent;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.api.WrittenReport;

/** XDR of the DS -> MDS write-path procedures ALLOCATE_UNWRITTEN, REPORT_WRITTEN, WRITTEN_WITHIN (PROTOCOL.md). */
public final class WritePathXdr {
    /** Most ranges one file's report, or one WRITTEN_WITHIN answer, may carry. */
    public static final int MAX_RANGES = 8192;
    /** Most files one REPORT_WRITTEN may carry. */
    public static final int MAX_REPORTS = 1024;
    /** Most extents one ALLOCATE_UNWRITTEN answer may carry. */
    public static final int MAX_EXTENTS = 8192;

    public static final XdrCodec<FileRef> FILE = XdrCodec.of((out, f) -> {
        out.xdrEncodeLong(f.inode());
        out.xdrEncodeLong(f.generation());
    }, in -> new FileRef(in.hyper(), in.hyper()));

    public static final XdrCodec<FileRange> RANGE = XdrCodec.of((out, r) -> {
        out.xdrEncodeLong(r.start());
        out.xdrEncodeLong(r.end());
    }, in -> new FileRange(in.hyper(), in.hyper()));

    public static final XdrCodec<AllocationRequest> ALLOCATION = XdrCodec.of((out, a) -> {
        FILE.encode(out, a.file());
        out.xdrEncodeLong(a.offset());
        out.xdrEncodeLong(a.length());
    }, in -> new AllocationRequest(FILE.decode(in), in.hyper(), in.hyper()));

    public static final XdrCodec<MappedExtent> EXTENT = XdrCodec.of((out, e) -> {
        out.xdrEncodeLong(e.fileOffset());
        out.xdrEncodeLong(e.length());
        out.xdrEncodeLong(e.deviceOffset());
        enumOf(out, e.kind());
    }, in -> new MappedExtent(in.hyper(), in.hyper(), in.hyper(), in.enumOf(ExtentKind.class)));

    public static final XdrCodec<List<MappedExtent>> EXTENTS = bounded(EXTENT, MAX_EXTENTS, "extents");

    public static final XdrCodec<List<FileRange>> RANGES = bounded(RANGE, MAX_RANGES, "ranges");

    public static final XdrCodec<WrittenReport> REPORT = XdrCodec.of((out, r) -> {
        FILE.encode(out, r.file());
        RANGES.encode(out, r.ranges());
    }, in -> new WrittenReport(FILE.decode(in), RANGES.decode(in)));

    public static final XdrCodec<List<WrittenReport>> REPORTS = bounded(REPORT, MAX_REPORTS, "reports");

    public static final XdrCodec<WrittenQuery> QUERY = XdrCodec.of((out, q) -> {
        FILE.encode(out, q.file());
        out.xdrEncodeLong(q.offset());
        out.xdrEncodeLong(q.end());
    }, in -> new WrittenQuery(FILE.decode(in), in.hyper(), in.hyper()));

    public static final XdrCodec<Integer> RECORDED = XdrCodec.of((out, n) -> out.xdrEncodeInt(n), XdrReader::int32);

    private WritePathXdr() {
    }

    /** {@code T list<max>}: the length is checked before any element is decoded. */
    private static <T> XdrCodec<List<T>> bounded(XdrCodec<T> element, int max, String what) {
        return XdrCodec.of((out, items) -> {
            if (items.size() > max) {
                throw new IOException(what + ": " + items.size() + " exceed " + max);
            }
            XdrWriter.list(out, items, element);
        }, in -> in.list(element, max));
    }
}
