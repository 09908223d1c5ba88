package org.gfspnfs.control.cli;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.client.NodeCall;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gfsctl evict-client CLIENTID}: purge a client and all its state on the MDS. */
@Command(name = "evict-client", description = "Evict an NFS client: drop its state as on lease expiry (MDS).")
final class EvictClientCommand extends CommandOutcomeCommand {
    @Parameters(index = "0", paramLabel = "CLIENTID", converter = ClientIdConverter.class,
            description = "Client id in hex, as gfsctl clients shows it.")
    Long clientId;

    @Override
    String jsonName() {
        return "evict-client";
    }

    @Override
    NodeCall<CommandOutcome> request() {
        long id = clientId;
        return client -> client.evictClient(id);
    }
}
