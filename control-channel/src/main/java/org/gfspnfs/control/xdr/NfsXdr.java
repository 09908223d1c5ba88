package org.gfspnfs.control.xdr;

import static org.gfspnfs.control.xdr.XdrWriter.bool;
import static org.gfspnfs.control.xdr.XdrWriter.enumOf;
import static org.gfspnfs.control.xdr.XdrWriter.instant;
import static org.gfspnfs.control.xdr.XdrWriter.list;
import static org.gfspnfs.control.xdr.XdrWriter.string;

import org.gfspnfs.control.api.ClientInfo;
import org.gfspnfs.control.api.ClientState;
import org.gfspnfs.control.api.DelegationInfo;
import org.gfspnfs.control.api.DelegationType;
import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LayoutInfo;
import org.gfspnfs.control.api.LayoutIoMode;
import org.gfspnfs.control.api.OpenInfo;
import org.gfspnfs.control.api.RecallTarget;
import org.gfspnfs.control.api.SessionInfo;
import org.gfspnfs.control.api.ShareAccess;
import org.gfspnfs.control.api.ShareDeny;

/** XDR of the NFS state queries and the recall argument (PROTOCOL.md). */
public final class NfsXdr {
    public static final XdrCodec<ClientInfo> CLIENT = XdrCodec.of((out, c) -> {
        out.xdrEncodeLong(c.clientId());
        string(out, c.owner());
        string(out, c.address());
        enumOf(out, c.state());
        instant(out, c.leaseExpires());
        out.xdrEncodeInt(c.sessions());
        out.xdrEncodeInt(c.opens());
        out.xdrEncodeInt(c.layouts());
    }, in -> new ClientInfo(in.hyper(), in.string(), in.string(), in.enumOf(ClientState.class), in.instant(),
            in.int32(), in.int32(), in.int32()));

    public static final XdrCodec<SessionInfo> SESSION = XdrCodec.of((out, s) -> {
        string(out, s.sessionId());
        out.xdrEncodeLong(s.clientId());
        out.xdrEncodeInt(s.foreSlots());
        bool(out, s.backchannel());
        instant(out, s.created());
    }, in -> new SessionInfo(in.string(), in.hyper(), in.int32(), in.bool(), in.instant()));

    public static final XdrCodec<OpenInfo> OPEN = XdrCodec.of((out, o) -> {
        string(out, o.stateid());
        out.xdrEncodeLong(o.clientId());
        string(out, o.file());
        enumOf(out, o.access());
        enumOf(out, o.deny());
    }, in -> new OpenInfo(in.string(), in.hyper(), in.string(), in.enumOf(ShareAccess.class),
            in.enumOf(ShareDeny.class)));

    public static final XdrCodec<DelegationInfo> DELEGATION = XdrCodec.of((out, d) -> {
        string(out, d.stateid());
        out.xdrEncodeLong(d.clientId());
        string(out, d.file());
        enumOf(out, d.type());
        bool(out, d.recalling());
    }, in -> new DelegationInfo(in.string(), in.hyper(), in.string(), in.enumOf(DelegationType.class), in.bool()));

    public static final XdrCodec<LayoutInfo> LAYOUT = XdrCodec.of((out, l) -> {
        string(out, l.stateid());
        out.xdrEncodeLong(l.clientId());
        string(out, l.file());
        enumOf(out, l.iomode());
        out.xdrEncodeLong(l.offset());
        out.xdrEncodeLong(l.length());
        list(out, l.dataServers(), BasicXdr.NAME);
        bool(out, l.recalling());
    }, in -> new LayoutInfo(in.string(), in.hyper(), in.string(), in.enumOf(LayoutIoMode.class), in.hyper(),
            in.hyper(), in.list(BasicXdr.NAME), in.bool()));

    public static final XdrCodec<LayoutFilter> LAYOUT_FILTER = XdrCodec.of((out, f) -> {
        enumOf(out, f.kind());
        string(out, f.value());
    }, in -> new LayoutFilter(in.enumOf(LayoutFilter.Kind.class), in.string(256)));

    public static final XdrCodec<RecallTarget> RECALL_TARGET = XdrCodec.of((out, t) -> {
        enumOf(out, t.kind());
        string(out, t.file());
        out.xdrEncodeLong(t.clientId());
    }, in -> new RecallTarget(in.enumOf(RecallTarget.Kind.class), in.string(256), in.hyper()));

    private NfsXdr() {
    }
}
