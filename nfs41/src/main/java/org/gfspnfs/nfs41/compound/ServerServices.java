package org.gfspnfs.nfs41.compound;

import java.time.Clock;
import java.util.concurrent.Executor;

import org.gfspnfs.nfs41.attr.AttributeDecoder;
import org.gfspnfs.nfs41.attr.AttributeEncoder;
import org.gfspnfs.nfs41.callback.CallbackService;
import org.gfspnfs.nfs41.export.ExportTable;
import org.gfspnfs.nfs41.idmap.IdMapper;
import org.gfspnfs.nfs41.pnfs.LayoutProvider;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.pnfs.ServerRole;
import org.gfspnfs.nfs41.pnfs.StateidValidator;
import org.gfspnfs.nfs41.session.ClientRegistry;
import org.gfspnfs.nfs41.session.SessionRegistry;
import org.gfspnfs.nfs41.state.GracePeriod;
import org.gfspnfs.nfs41.state.RecoveryStore;
import org.gfspnfs.nfs41.state.StateManager;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;

/**
 * The long-lived parts of one engine instance that operations use: the filesystem, exports, id mapping, client,
 * session and state tables, grace, callbacks, the pNFS hooks, and the server's verifiers. Built by the server
 * builder; immutable.
 *
 * @param writeVerifier  8 bytes that change on every restart (WRITE/COMMIT verifier, RFC 8881 section 18.32.3)
 * @param layouts        the layout provider on an MDS, null otherwise
 * @param layoutStates   the layout stateids on an MDS, null otherwise
 * @param stateidValidator the validator on a DS, null otherwise
 * @param delegations    whether OPEN may hand out read delegations
 * @param helper         runs work an operation hands off to go on in parallel with it (READDIR's read-ahead of
 *                       the next page of entries); whoever needs the result runs it itself if no thread has yet
 */
public record ServerServices(EngineConfig config, Clock clock, int epoch, byte[] writeVerifier,
                             VirtualFileSystem vfs, ExportTable exports, ExportAccess exportAccess,
                             IdMapper idMapper, AttributeEncoder attrEncoder, AttributeDecoder attrDecoder,
                             ClientRegistry clients, SessionRegistry sessions, StateManager states,
                             GracePeriod grace, RecoveryStore recovery, CallbackService callbacks, ServerRole role,
                             LayoutProvider layouts, LayoutStateTable layoutStates,
                             StateidValidator stateidValidator, boolean delegations, Executor helper) {
}
