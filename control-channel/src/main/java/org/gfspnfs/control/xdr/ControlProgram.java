package org.gfspnfs.control.xdr;

import static org.gfspnfs.control.xdr.ProcedureSpec.Kind.COMMAND;
import static org.gfspnfs.control.xdr.ProcedureSpec.Kind.PEER;
import static org.gfspnfs.control.xdr.ProcedureSpec.Kind.QUERY;
import static org.gfspnfs.control.xdr.ProcedureSpec.listOf;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.ClientInfo;
import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.DelegationInfo;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.FilesystemState;
import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LayoutInfo;
import org.gfspnfs.control.api.LockspaceInfo;
import org.gfspnfs.control.api.MappedExtent;
import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.api.OpenInfo;
import org.gfspnfs.control.api.RecallTarget;
import org.gfspnfs.control.api.ResourceInfo;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.SessionInfo;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.api.WaitersReport;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.api.WrittenReport;

/**
 * The GFSCTL ONC RPC program (RFC 5531): number, version and procedure table. PROTOCOL.md documents the same table;
 * procedure numbers are never reused.
 */
public final class ControlProgram {
    /** In the range RFC 5531 section 13.1 leaves to local use (0x20000000-0x3fffffff). */
    public static final int PROGRAM = 0x20474653;
    public static final int VERSION = 1;

    public static final ProcedureSpec<Void, Void> NULL =
            new ProcedureSpec<>(0, "NULL", QUERY, BasicXdr.VOID, BasicXdr.VOID);

    public static final ProcedureSpec<Void, NodeStatus> STATUS =
            new ProcedureSpec<>(1, "STATUS", QUERY, BasicXdr.VOID, MembershipXdr.NODE_STATUS);
    public static final ProcedureSpec<Void, List<LockspaceInfo>> LOCKSPACES =
            new ProcedureSpec<>(2, "LOCKSPACES", QUERY, BasicXdr.VOID, listOf(DlmXdr.LOCKSPACE));
    public static final ProcedureSpec<String, List<ResourceInfo>> LOCKS =
            new ProcedureSpec<>(3, "LOCKS", QUERY, BasicXdr.NAME, listOf(DlmXdr.RESOURCE));
    public static final ProcedureSpec<String, WaitersReport> WAITERS =
            new ProcedureSpec<>(4, "WAITERS", QUERY, BasicXdr.NAME, DlmXdr.WAITERS);
    public static final ProcedureSpec<Void, List<FilesystemState>> FILESYSTEMS =
            new ProcedureSpec<>(5, "FILESYSTEMS", QUERY, BasicXdr.VOID, listOf(FilesystemXdr.FILESYSTEM));
    public static final ProcedureSpec<Void, List<ClientInfo>> CLIENTS =
            new ProcedureSpec<>(6, "CLIENTS", QUERY, BasicXdr.VOID, listOf(NfsXdr.CLIENT));
    public static final ProcedureSpec<Void, List<SessionInfo>> SESSIONS =
            new ProcedureSpec<>(7, "SESSIONS", QUERY, BasicXdr.VOID, listOf(NfsXdr.SESSION));
    public static final ProcedureSpec<Void, List<OpenInfo>> OPENS =
            new ProcedureSpec<>(8, "OPENS", QUERY, BasicXdr.VOID, listOf(NfsXdr.OPEN));
    public static final ProcedureSpec<LayoutFilter, List<LayoutInfo>> LAYOUTS =
            new ProcedureSpec<>(9, "LAYOUTS", QUERY, NfsXdr.LAYOUT_FILTER, listOf(NfsXdr.LAYOUT));
    public static final ProcedureSpec<Void, List<DelegationInfo>> DELEGATIONS =
            new ProcedureSpec<>(10, "DELEGATIONS", QUERY, BasicXdr.VOID, listOf(NfsXdr.DELEGATION));

    public static final ProcedureSpec<String, CommandOutcome> FENCE_ACK =
            new ProcedureSpec<>(20, "FENCE_ACK", COMMAND, BasicXdr.NAME, PeerXdr.OUTCOME);
    public static final ProcedureSpec<RecallTarget, CommandOutcome> RECALL_LAYOUTS =
            new ProcedureSpec<>(21, "RECALL_LAYOUTS", COMMAND, NfsXdr.RECALL_TARGET, PeerXdr.OUTCOME);
    public static final ProcedureSpec<Long, CommandOutcome> EVICT_CLIENT =
            new ProcedureSpec<>(22, "EVICT_CLIENT", COMMAND, BasicXdr.CLIENT_ID, PeerXdr.OUTCOME);
    public static final ProcedureSpec<String, CommandOutcome> LOCKSPACE_LEAVE =
            new ProcedureSpec<>(23, "LOCKSPACE_LEAVE", COMMAND, BasicXdr.NAME, PeerXdr.OUTCOME);
    public static final ProcedureSpec<String, CommandOutcome> LOCKSPACE_JOIN =
            new ProcedureSpec<>(24, "LOCKSPACE_JOIN", COMMAND, BasicXdr.NAME, PeerXdr.OUTCOME);

    public static final ProcedureSpec<StateidQuery, StateidVerdict> VALIDATE_STATEID =
            new ProcedureSpec<>(40, "VALIDATE_STATEID", PEER, PeerXdr.STATEID_QUERY, PeerXdr.STATEID_VERDICT);
    public static final ProcedureSpec<Revocation, Integer> REVOKE_STATE =
            new ProcedureSpec<>(41, "REVOKE_STATE", PEER, PeerXdr.REVOCATION, PeerXdr.REVOKED_COUNT);

    public static final ProcedureSpec<AllocationRequest, List<MappedExtent>> ALLOCATE_UNWRITTEN =
            new ProcedureSpec<>(42, "ALLOCATE_UNWRITTEN", PEER, WritePathXdr.ALLOCATION, WritePathXdr.EXTENTS);
    public static final ProcedureSpec<List<WrittenReport>, Integer> REPORT_WRITTEN =
            new ProcedureSpec<>(43, "REPORT_WRITTEN", PEER, WritePathXdr.REPORTS, WritePathXdr.RECORDED);
    public static final ProcedureSpec<WrittenQuery, List<FileRange>> WRITTEN_WITHIN =
            new ProcedureSpec<>(44, "WRITTEN_WITHIN", PEER, WritePathXdr.QUERY, WritePathXdr.RANGES);

    /** Every procedure, by number. */
    public static final Map<Integer, ProcedureSpec<?, ?>> ALL = List.<ProcedureSpec<?, ?>>of(NULL, STATUS,
                    LOCKSPACES, LOCKS, WAITERS, FILESYSTEMS, CLIENTS, SESSIONS, OPENS, LAYOUTS, DELEGATIONS,
                    FENCE_ACK, RECALL_LAYOUTS, EVICT_CLIENT, LOCKSPACE_LEAVE, LOCKSPACE_JOIN, VALIDATE_STATEID,
                    REVOKE_STATE, ALLOCATE_UNWRITTEN, REPORT_WRITTEN, WRITTEN_WITHIN)
            .stream().collect(Collectors.toUnmodifiableMap(ProcedureSpec::number, Function.identity()));

    private ControlProgram() {
    }
}
