package org.gfspnfs.control.cli;

/**
 * gfsctl's exit codes (README "Exit codes"). When several apply, the highest wins, so a script sees the worst thing
 * that happened.
 */
public final class ExitCodes {
    /** Every asked node answered (NOT_SERVED from nodes without the role counts as an answer). */
    public static final int OK = 0;
    /** A node answered with an error: no such lockspace/client, command refused, invalid request, node fault. */
    public static final int NODE_ERROR = 1;
    /** Bad command line (picocli's usage error code). */
    public static final int USAGE = 2;
    /** cluster.conf or the key file cannot be read, or --node names no configured node. */
    public static final int CONFIG = 3;
    /** At least one node gave no answer: unreachable, silent past --timeout, or an RPC-level error. */
    public static final int NO_ANSWER = 4;
    /** At least one node refused our key (RPC AUTH_ERROR). */
    public static final int AUTH_REFUSED = 5;

    private ExitCodes() {
    }
}
