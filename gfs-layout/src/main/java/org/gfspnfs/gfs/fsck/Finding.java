package org.gfspnfs.gfs.fsck;

/**
 * One thing fsck found.
 *
 * @param severity  {@link Severity#ERROR} counts toward the exit status; a {@link Severity#NOTE} is an expected
 *                  state that fsck processes the way a mount would (dirty journal, orphan inode)
 * @param structure what kind of structure is affected
 * @param block     the block address the finding is about
 * @param problem   what is wrong and, in repair mode, what was done
 * @param repaired  whether the device was changed to fix it
 */
public record Finding(Severity severity, Structure structure, long block, String problem, boolean repaired) {

    /** How much a finding matters. */
    public enum Severity { NOTE, ERROR }

    /** One line: {@code block 1234 (dinode): link count 3, but 2 entries name it [repaired]}. */
    public String format() {
        String tail = repaired ? " [repaired]" : severity == Severity.ERROR ? " [not repaired]" : "";
        String sev = severity == Severity.NOTE ? "note: " : "";
        return sev + "block " + block + " (" + structure.label() + "): " + problem + tail;
    }
}
