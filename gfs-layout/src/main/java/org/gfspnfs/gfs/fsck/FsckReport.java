package org.gfspnfs.gfs.fsck;

import java.util.List;

/**
 * What one fsck run found and did.
 *
 * @param mode        check or repair
 * @param findings    every finding, in the order found
 * @param status      the outcome (see {@link FsckStatus#exitCode()})
 * @param failure     for {@link FsckStatus#OPERATIONAL_ERROR}: why fsck could not run; otherwise null
 * @param inodes      dinodes reached from the root
 * @param directories directories among them
 */
public record FsckReport(FsckMode mode, List<Finding> findings, FsckStatus status, String failure, long inodes,
                         long directories) {
    public FsckReport {
        findings = List.copyOf(findings);
    }

    /** Errors only. */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
    }

    /** Whether no errors were found (notes allowed). */
    public boolean clean() {
        return status == FsckStatus.CLEAN;
    }

    /** fsck(8) exit status. */
    public int exitCode() {
        return status.exitCode();
    }
}
