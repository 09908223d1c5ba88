package org.gfspnfs.node.cli;

/**
 * Exit codes shared by every subcommand, in the spirit of sysexits and fsck(8): scripts can rely on them.
 */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** The input was read and found invalid (a bad config, a damaged filesystem that was not repaired). */
    public static final int INVALID = 1;
    /** The command line itself was wrong. */
    public static final int USAGE = 2;
    /** Something failed that is not the user's input: I/O errors, a peer that did not answer. */
    public static final int FAILURE = 8;

    private ExitCodes() {
    }

    static int forException(Throwable t) {
        return t instanceof picocli.CommandLine.ParameterException ? USAGE : FAILURE;
    }
}
