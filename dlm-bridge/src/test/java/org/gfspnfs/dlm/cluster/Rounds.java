package org.gfspnfs.dlm.cluster;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * How many rounds a randomized test runs: the JUnit configuration parameter {@code gfspnfs.dlm.rounds} (set by the
 * {@code long-dlm} Maven profile), else the default given to the test (the acceptance minimum).
 */
record Rounds(int value) {

    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == Rounds.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return new Rounds(e.getConfigurationParameter("gfspnfs.dlm.rounds").map(Integer::parseInt).orElse(0));
        }
    }

    int orDefault(int fallback) {
        return value > 0 ? value : fallback;
    }
}
