package org.gfspnfs.membership.fence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.FenceDevice;

/**
 * One run of one fence device against one victim.
 *
 * @param victim      the node to cut off
 * @param incarnation the life of the victim that was lost (0 when unknown: every life is meant)
 * @param method      the name of the victim's fence method this device belongs to
 * @param device      the fence device
 * @param arguments   the agent's key=value arguments ({@code ClusterConf.fenceArguments}), in order
 */
public record FenceRequest(ClusterNode victim, long incarnation, String method, FenceDevice device,
                           Map<String, String> arguments) {
    public FenceRequest {
        Objects.requireNonNull(victim, "victim");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(device, "device");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
