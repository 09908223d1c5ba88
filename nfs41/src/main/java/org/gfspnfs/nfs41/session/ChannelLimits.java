package org.gfspnfs.nfs41.session;

/**
 * The negotiated limits of one session channel (channel_attrs4, RFC 8881 section 18.36.3): the server returns
 * values no larger than the client asked for and no larger than it supports.
 */
public record ChannelLimits(int headerPadSize, int maxRequestSize, int maxResponseSize, int maxResponseSizeCached,
                            int maxOperations, int maxRequests) {

    /** The limits granted for a request: each value is the smaller of the two. */
    public ChannelLimits negotiate(ChannelLimits requested) {
        return new ChannelLimits(0,
                Math.min(requested.maxRequestSize, maxRequestSize),
                Math.min(requested.maxResponseSize, maxResponseSize),
                Math.min(requested.maxResponseSizeCached, maxResponseSizeCached),
                Math.min(requested.maxOperations, maxOperations),
                Math.max(1, Math.min(requested.maxRequests, maxRequests)));
    }
}
