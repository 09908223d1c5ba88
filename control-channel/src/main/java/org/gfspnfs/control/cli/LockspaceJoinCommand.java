package org.gfspnfs.control.cli;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gfsctl lockspace-join --node NODE LOCKSPACE}. */
@Command(name = "lockspace-join", description = "Make one node join a lockspace (needs --node NAME).")
final class LockspaceJoinCommand extends CommandOutcomeCommand {
    @Parameters(index = "0", paramLabel = "LOCKSPACE")
    String lockspace;

    @Override
    void validate() {
        requireSingleNode();
    }

    @Override
    String jsonName() {
        return "lockspace-join";
    }

    @Override
    NodeCall<CommandOutcome> request() {
        return client -> client.joinLockspace(lockspace);
    }
}
