package org.gfspnfs.conf;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a {@code cluster.conf}, where it is and what to do about it.
 *
 * <p>Positions are 1-based, counted in characters (a tab is one column), and point at the attribute that is wrong,
 * or at the start of the element when the problem is a missing or misplaced element, the same way a compiler does.
 *
 * @param file    the file as the user named it (or a label such as {@code <input>})
 * @param line    1-based line number
 * @param column  1-based column number
 * @param message what is wrong, quoting the offending value
 * @param hint    what to do about it
 */
public record ConfProblem(String file, int line, int column, String message, String hint)
        implements Comparable<ConfProblem> {

    private static final Comparator<ConfProblem> ORDER = Comparator.comparingInt(ConfProblem::line)
            .thenComparingInt(ConfProblem::column)
            .thenComparing(ConfProblem::message);

    public ConfProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    /** {@code file:line:column: message}, the form editors and CI logs turn into links. */
    public String location() {
        return file + ":" + line + ":" + column;
    }

    /** Two lines: the located message, then the hint indented. */
    public String format() {
        return location() + ": " + message + (hint.isEmpty() ? "" : System.lineSeparator() + "    hint: " + hint);
    }

    @Override
    public int compareTo(ConfProblem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
