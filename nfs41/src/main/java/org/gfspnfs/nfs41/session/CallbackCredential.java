package org.gfspnfs.nfs41.session;

/**
 * The credential the server presents on a session's backchannel (callback_sec_parms4, RFC 8881 section 18.36):
 * AUTH_NONE (flavor 0) or AUTH_SYS (flavor 1) with the ids the client chose.
 */
public record CallbackCredential(int flavor, int uid, int gid, int[] gids, String machine) {
    public static final CallbackCredential NONE = new CallbackCredential(0, 0, 0, new int[0], "");
}
