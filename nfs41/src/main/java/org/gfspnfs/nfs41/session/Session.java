package org.gfspnfs.nfs41.session;

import java.util.HexFormat;

import org.dcache.oncrpc4j.rpc.RpcTransport;

/**
 * An NFSv4.1 session (RFC 8881 section 2.10): its fore channel slot table and reply cache, the negotiated channel
 * limits, and the backchannel (program, credential, connection) used for callbacks.
 *
 * <p>Fore channel connections are not recorded: without state protection (SP4_NONE, the only kind this server
 * grants) any connection may carry the session's requests (RFC 8881 section 2.10.3.1), and oncrpc4j hands every
 * request a fresh transport object, so a set of them would grow by one entry per request.
 */
public final class Session {
    private final byte[] id;
    private final NfsClient client;
    private final ChannelLimits fore;
    private final ChannelLimits back;
    private final SlotTable slots;
    private volatile RpcTransport backConnection;
    private volatile int cbProgram;
    private volatile CallbackCredential cbCredential;
    private volatile boolean destroyed;
    private volatile boolean everHadBackchannel;

    Session(byte[] id, NfsClient client, ChannelLimits fore, ChannelLimits back, int cbProgram,
            CallbackCredential cbCredential) {
        this.id = id.clone();
        this.client = client;
        this.fore = fore;
        this.back = back;
        this.slots = new SlotTable(fore.maxRequests());
        this.cbProgram = cbProgram;
        this.cbCredential = cbCredential;
    }

    public byte[] id() {
        return id.clone();
    }

    public String key() {
        return HexFormat.of().formatHex(id);
    }

    public NfsClient client() {
        return client;
    }

    public ChannelLimits fore() {
        return fore;
    }

    public ChannelLimits back() {
        return back;
    }

    public SlotTable slots() {
        return slots;
    }

    /** Binds {@code t} as the backchannel (CREATE_SESSION with CONN_BACK_CHAN, or BIND_CONN_TO_SESSION). */
    public void bindBack(RpcTransport t) {
        backConnection = t;
        everHadBackchannel = true;
    }

    /** Whether a backchannel was ever bound, so a lost one can be reported as CB_PATH_DOWN. */
    public boolean everHadBackchannel() {
        return everHadBackchannel;
    }

    /** The backchannel connection if it is still open, else null (SEQ4_STATUS_CB_PATH_DOWN). */
    public RpcTransport backConnection() {
        RpcTransport t = backConnection;
        return t != null && t.isOpen() ? t : null;
    }

    public int cbProgram() {
        return cbProgram;
    }

    public CallbackCredential cbCredential() {
        return cbCredential;
    }

    /** BACKCHANNEL_CTL (RFC 8881 section 18.33). */
    public void updateBackchannel(int program, CallbackCredential credential) {
        this.cbProgram = program;
        this.cbCredential = credential;
    }

    public boolean destroyed() {
        return destroyed;
    }

    void markDestroyed() {
        destroyed = true;
    }
}
