package org.gfspnfs.control.xdr;

import static org.gfspnfs.control.xdr.XdrWriter.bool;
import static org.gfspnfs.control.xdr.XdrWriter.enumOf;
import static org.gfspnfs.control.xdr.XdrWriter.instant;
import static org.gfspnfs.control.xdr.XdrWriter.intList;
import static org.gfspnfs.control.xdr.XdrWriter.list;
import static org.gfspnfs.control.xdr.XdrWriter.millis;
import static org.gfspnfs.control.xdr.XdrWriter.string;

import org.gfspnfs.control.api.DeadlockInfo;
import org.gfspnfs.control.api.LockEntry;
import org.gfspnfs.control.api.LockMode;
import org.gfspnfs.control.api.LockspaceInfo;
import org.gfspnfs.control.api.LockspaceState;
import org.gfspnfs.control.api.ResourceInfo;
import org.gfspnfs.control.api.WaiterInfo;
import org.gfspnfs.control.api.WaitersReport;

/** XDR of the LOCKSPACES, LOCKS and WAITERS results (PROTOCOL.md). */
public final class DlmXdr {
    /** dlm's DLM_LVB_LEN is 32; we allow up to 256 for larger configured LVBs. */
    public static final int MAX_LVB = 256;

    public static final XdrCodec<LockspaceInfo> LOCKSPACE = XdrCodec.of((out, l) -> {
        string(out, l.name());
        out.xdrEncodeLong(l.globalId());
        enumOf(out, l.state());
        intList(out, l.members());
        out.xdrEncodeInt(l.resources());
        out.xdrEncodeInt(l.locks());
    }, in -> new LockspaceInfo(in.string(), in.hyper(), in.enumOf(LockspaceState.class), in.intList(),
            in.int32(), in.int32()));

    public static final XdrCodec<LockEntry> LOCK = XdrCodec.of((out, l) -> {
        out.xdrEncodeLong(l.lockId());
        out.xdrEncodeInt(l.nodeId());
        enumOf(out, l.grantedMode());
        enumOf(out, l.requestedMode());
        millis(out, l.age());
    }, in -> new LockEntry(in.hyper(), in.int32(), in.enumOf(LockMode.class), in.enumOf(LockMode.class),
            in.millis()));

    public static final XdrCodec<ResourceInfo> RESOURCE = XdrCodec.of((out, r) -> {
        string(out, r.name());
        out.xdrEncodeInt(r.masterNodeId());
        list(out, r.granted(), LOCK);
        list(out, r.converting(), LOCK);
        list(out, r.waiting(), LOCK);
        out.xdrEncodeDynamicOpaque(r.lvb());
        bool(out, r.lvbValid());
    }, in -> new ResourceInfo(in.string(), in.int32(), in.list(LOCK), in.list(LOCK), in.list(LOCK),
            in.opaque(MAX_LVB), in.bool()));

    public static final XdrCodec<WaiterInfo> WAITER = XdrCodec.of((out, w) -> {
        string(out, w.lockspace());
        string(out, w.resource());
        out.xdrEncodeLong(w.lockId());
        out.xdrEncodeInt(w.nodeId());
        enumOf(out, w.grantedMode());
        enumOf(out, w.requestedMode());
        millis(out, w.waiting());
    }, in -> new WaiterInfo(in.string(), in.string(), in.hyper(), in.int32(), in.enumOf(LockMode.class),
            in.enumOf(LockMode.class), in.millis()));

    public static final XdrCodec<DeadlockInfo> DEADLOCK = XdrCodec.of((out, d) -> {
        string(out, d.lockspace());
        instant(out, d.detectedAt());
        list(out, d.cycle(), WAITER);
        out.xdrEncodeLong(d.victimLockId());
    }, in -> new DeadlockInfo(in.string(), in.instant(), in.list(WAITER), in.hyper()));

    public static final XdrCodec<WaitersReport> WAITERS = XdrCodec.of((out, w) -> {
        list(out, w.waiters(), WAITER);
        list(out, w.deadlocks(), DEADLOCK);
    }, in -> new WaitersReport(in.list(WAITER), in.list(DEADLOCK)));

    private DlmXdr() {
    }
}
