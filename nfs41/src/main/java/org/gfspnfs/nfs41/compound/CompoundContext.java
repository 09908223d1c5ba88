package org.gfspnfs.nfs41.compound;

import org.gfspnfs.nfs41.export.ExportOptions;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.session.Session;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.AccessDeniedException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoFileHandleException;
import org.gfspnfs.nfs41.status.RestoreFhException;
import org.gfspnfs.nfs41.status.RofsException;
import org.gfspnfs.nfs41.status.WrongSecException;
import org.gfspnfs.nfs41.vfs.Caller;
import org.gfspnfs.nfs41.vfs.Inode;

/**
 * Per-COMPOUND state (RFC 8881 section 16.2.3): the current and saved file handles, the current stateid, the
 * session and slot SEQUENCE admitted the request on, and who sent it. One instance per request, used by one
 * thread; nothing here outlives the request.
 */
public final class CompoundContext {
    private final ServerServices services;
    private final RpcOrigin origin;
    private final int opCount;
    private int opIndex;
    private FileHandle currentFh;
    private FileHandle savedFh;
    private StateId currentStateid;
    private StateId savedStateid;
    private Inode opened;
    private Session session;
    private int slotId = -1;
    private boolean cacheThis;
    private Object replay;
    private int requestSize;
    private ReplySize reply;

    public CompoundContext(ServerServices services, RpcOrigin origin, int opCount) {
        this.services = services;
        this.origin = origin;
        this.opCount = opCount;
    }

    public ServerServices services() {
        return services;
    }

    public RpcOrigin origin() {
        return origin;
    }

    /** Position of the running operation in the compound, from 0. */
    public int opIndex() {
        return opIndex;
    }

    public int opCount() {
        return opCount;
    }

    void setOpIndex(int i) {
        opIndex = i;
    }

    /** Size of the RPC request in bytes (0 when unknown), for SEQUENCE's NFS4ERR_REQ_TOO_BIG check. */
    public int requestSize() {
        return requestSize;
    }

    void setRequestSize(int size) {
        requestSize = size;
    }

    /**
     * Bytes the running operation's result (opnum and status included) may take before the reply passes the
     * session's ca_maxresponsesize; {@link Long#MAX_VALUE} outside a session. A READ sized from this fills exactly
     * what the client negotiated room for (a client asks for its rsize plus its own idea of the header overhead).
     */
    public long replyRoom() {
        return session == null || reply == null ? Long.MAX_VALUE : session.fore().maxResponseSize() - reply.bytes();
    }

    void setReply(ReplySize size) {
        reply = size;
    }

    // ---- file handles -------------------------------------------------------------------------------------

    public FileHandle currentFh() throws NfsException {
        if (currentFh == null) {
            throw new NoFileHandleException();
        }
        return currentFh;
    }

    public Inode currentInode() throws NfsException {
        return currentFh().inode();
    }

    /** Sets the current file handle; the current stateid is reset as RFC 8881 16.2.3.1.2 requires. */
    public void setCurrentFh(FileHandle fh) {
        currentFh = fh;
        currentStateid = null;
    }

    public void clearCurrentFh() {
        currentFh = null;
        currentStateid = null;
    }

    public void saveFh() throws NfsException {
        savedFh = currentFh();
        savedStateid = currentStateid;
    }

    public void restoreFh() throws NfsException {
        if (savedFh == null) {
            throw new RestoreFhException();
        }
        currentFh = savedFh;
        currentStateid = savedStateid;
    }

    public FileHandle savedFh() throws NfsException {
        if (savedFh == null) {
            throw new NoFileHandleException("no saved file handle");
        }
        return savedFh;
    }

    /** A handle of this server's filesystem for {@code inode} in export {@code exportId}. */
    public FileHandle handle(int exportId, Inode inode) {
        return new FileHandle(FileHandle.tagOf(services.vfs().info()), exportId, inode);
    }

    /** A handle to {@code inode} in the current handle's export (for objects created in the current dir). */
    public FileHandle handleInCurrentExport(Inode inode) throws NfsException {
        return handle(currentFh().exportId(), inode);
    }

    // ---- identity and export rules ------------------------------------------------------------------------

    /** The export options that apply to the current handle for this client. */
    public ExportOptions exportOptions() throws NfsException {
        return exportOptions(currentFh().exportId());
    }

    public ExportOptions exportOptions(int exportId) throws NfsException {
        ExportOptions o = services.exportAccess().options(exportId, origin.remote().getAddress())
                .orElseThrow(() -> new AccessDeniedException("not exported to " + origin.remote()));
        if (!o.flavors().contains(origin.flavor())) {
            throw new WrongSecException("flavor " + origin.flavor() + " not allowed");
        }
        return o;
    }

    /** The identity this request acts as on the current handle's export (squashing applied). */
    public Caller caller() throws NfsException {
        return exportOptions().squash(origin.flavor(), origin.uid(), origin.gid(), origin.gids());
    }

    /** Throws ROFS unless the current handle's export is writable for this client. */
    public void checkWritable() throws NfsException {
        if (exportOptions().readOnly()) {
            throw new RofsException("export is read-only");
        }
    }

    // ---- stateids -----------------------------------------------------------------------------------------

    /** Resolves the "current stateid" placeholder (RFC 8881 16.2.3.1.2); other stateids pass through. */
    public StateId resolveStateid(StateId sid) throws NfsException {
        if (sid.equals(StateId.CURRENT)) {
            if (currentStateid == null) {
                throw new org.gfspnfs.nfs41.status.BadStateidException("no current stateid");
            }
            return currentStateid;
        }
        return sid;
    }

    public void setCurrentStateid(StateId sid) {
        currentStateid = sid;
    }

    /** An OPEN of this compound opened {@code inode} (the last such OPEN counts). */
    public void opened(Inode inode) {
        opened = inode;
    }

    /**
     * Whether an earlier OPEN of this compound opened {@code inode}: a LAYOUTGET after it is the client asking for
     * a layout along with the open (the Linux client's layoutget-on-open), before it knows what I/O it will do.
     */
    public boolean openedInThisCompound(Inode inode) {
        return opened != null && opened.equals(inode);
    }

    // ---- session --------------------------------------------------------------------------------------------

    /** Records the session and slot SEQUENCE admitted this request on. */
    public void bindSession(Session s, int slot, boolean cache) {
        session = s;
        slotId = slot;
        cacheThis = cache;
    }

    /** The session, or null before SEQUENCE (EXCHANGE_ID, CREATE_SESSION...). */
    public Session session() {
        return session;
    }

    public int slotId() {
        return slotId;
    }

    public boolean cacheThis() {
        return cacheThis;
    }

    /** The client of this request's session; only valid after SEQUENCE. */
    public NfsClient client() {
        return session.client();
    }

    /** SEQUENCE found a retry: the executor resends this cached reply instead of running the compound. */
    public void replayWith(Object cachedReply) {
        replay = cachedReply;
    }

    Object replay() {
        return replay;
    }
}
