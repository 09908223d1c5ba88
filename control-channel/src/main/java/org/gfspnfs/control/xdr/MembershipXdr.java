package org.gfspnfs.control.xdr;

import static org.gfspnfs.control.xdr.XdrWriter.bool;
import static org.gfspnfs.control.xdr.XdrWriter.enumOf;
import static org.gfspnfs.control.xdr.XdrWriter.instant;
import static org.gfspnfs.control.xdr.XdrWriter.list;
import static org.gfspnfs.control.xdr.XdrWriter.optionalInstant;
import static org.gfspnfs.control.xdr.XdrWriter.string;

import org.gfspnfs.control.api.FenceEvent;
import org.gfspnfs.control.api.FenceOutcome;
import org.gfspnfs.control.api.MemberInfo;
import org.gfspnfs.control.api.MemberState;
import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.api.QuorumInfo;
import org.gfspnfs.control.api.RecoveryPhase;
import org.gfspnfs.control.api.RecoveryStep;
import org.gfspnfs.control.api.StepState;

/** XDR of the STATUS result: node_status and its parts (PROTOCOL.md "STATUS"). */
public final class MembershipXdr {
    public static final XdrCodec<MemberInfo> MEMBER = XdrCodec.of((out, m) -> {
        out.xdrEncodeInt(m.nodeId());
        string(out, m.name());
        enumOf(out, m.state());
        out.xdrEncodeInt(m.votes());
        instant(out, m.since());
    }, in -> new MemberInfo(in.int32(), in.string(), in.enumOf(MemberState.class), in.int32(), in.instant()));

    public static final XdrCodec<QuorumInfo> QUORUM = XdrCodec.of((out, q) -> {
        bool(out, q.quorate());
        out.xdrEncodeInt(q.expectedVotes());
        out.xdrEncodeInt(q.totalVotes());
        out.xdrEncodeInt(q.quorumVotes());
        bool(out, q.twoNode());
        bool(out, q.waitForAll());
    }, in -> new QuorumInfo(in.bool(), in.int32(), in.int32(), in.int32(), in.bool(), in.bool()));

    public static final XdrCodec<FenceEvent> FENCE_EVENT = XdrCodec.of((out, f) -> {
        string(out, f.target());
        string(out, f.method());
        enumOf(out, f.outcome());
        instant(out, f.at());
        string(out, f.detail());
    }, in -> new FenceEvent(in.string(), in.string(), in.enumOf(FenceOutcome.class), in.instant(), in.string()));

    public static final XdrCodec<RecoveryStep> RECOVERY_STEP = XdrCodec.of((out, r) -> {
        string(out, r.lostNode());
        enumOf(out, r.phase());
        enumOf(out, r.state());
        optionalInstant(out, r.startedAt());
        optionalInstant(out, r.finishedAt());
        string(out, r.detail());
    }, in -> new RecoveryStep(in.string(), in.enumOf(RecoveryPhase.class), in.enumOf(StepState.class),
            in.optionalInstant(), in.optionalInstant(), in.string()));

    public static final XdrCodec<String> ROLE = BasicXdr.NAME;

    public static final XdrCodec<NodeStatus> NODE_STATUS = XdrCodec.of((out, s) -> {
        string(out, s.nodeName());
        out.xdrEncodeInt(s.nodeId());
        instant(out, s.reportedAt());
        list(out, s.roles(), ROLE);
        list(out, s.members(), MEMBER);
        QUORUM.encode(out, s.quorum());
        list(out, s.fencing(), FENCE_EVENT);
        list(out, s.recovery(), RECOVERY_STEP);
    }, in -> new NodeStatus(in.string(), in.int32(), in.instant(), in.list(ROLE), in.list(MEMBER),
            QUORUM.decode(in), in.list(FENCE_EVENT), in.list(RECOVERY_STEP)));

    private MembershipXdr() {
    }
}
