package org.gfspnfs.control.cli;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gfsctl fence-ack NODE}: the operator confirms NODE is off (fence_ack_manual), so recovery may proceed. Sent
 * to every node by default; nodes not fencing NODE refuse.
 */
@Command(name = "fence-ack", description = "Confirm that NODE is powered off so recovery can proceed.")
final class FenceAckCommand extends CommandOutcomeCommand {
    @Parameters(index = "0", paramLabel = "NODE", description = "The node being fenced.")
    String victim;

    @Override
    String jsonName() {
        return "fence-ack";
    }

    @Override
    NodeCall<CommandOutcome> request() {
        return client -> client.fenceAck(victim);
    }
}
