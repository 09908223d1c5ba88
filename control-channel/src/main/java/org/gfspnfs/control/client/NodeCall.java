package org.gfspnfs.control.client;

import org.gfspnfs.control.api.ControlException;

/** What to ask each node; a lambda over its {@link ControlClient}. */
@FunctionalInterface
public interface NodeCall<T> {
    T call(ControlClient client) throws NodeCallException, ControlException;
}
