package org.gfspnfs.control.cli;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gfsctl lockspace-leave --node NODE LOCKSPACE}. */
@Command(name = "lockspace-leave", description = "Make one node leave a lockspace (needs --node NAME).")
final class LockspaceLeaveCommand extends CommandOutcomeCommand {
    @Parameters(index = "0", paramLabel = "LOCKSPACE")
    String lockspace;

    @Override
    void validate() {
        requireSingleNode();
    }

    @Override
    String jsonName() {
        return "lockspace-leave";
    }

    @Override
    NodeCall<CommandOutcome> request() {
        return client -> client.leaveLockspace(lockspace);
    }
}
