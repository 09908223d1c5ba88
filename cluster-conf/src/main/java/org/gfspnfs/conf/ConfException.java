package org.gfspnfs.conf;

import java.util.List;

/**
 * A {@code cluster.conf} that cannot be used. Carries every problem found, sorted by position, so an admin fixes
 * the file in one pass instead of one error per run.
 */
public final class ConfException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfProblem> problems;

    public ConfException(List<ConfProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfException needs at least one problem");
        }
        this.problems = problems.stream().sorted().toList();
    }

    /** All problems, sorted by line then column. Never empty. */
    public List<ConfProblem> problems() {
        return problems;
    }

    private static String summary(List<ConfProblem> problems) {
        if (problems.isEmpty()) {
            return "invalid cluster.conf";
        }
        ConfProblem first = problems.stream().sorted().findFirst().orElseThrow();
        String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more problems)";
        return first.location() + ": " + first.message() + more;
    }
}
