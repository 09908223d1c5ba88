package org.gfspnfs.gfs.fsck;

/** The on-disk structure a {@link Finding} is about (FORMAT.md names). */
public enum Structure {
    SUPERBLOCK("superblock"),
    JOURNAL("journal"),
    RGRP_HEADER("resource group header"),
    RGRP_BITMAP("resource group bitmap"),
    DINODE("dinode"),
    INDIRECT("indirect block"),
    DATA("data block"),
    DIR_TABLE("directory hash table"),
    DIR_LEAF("directory leaf"),
    DIR_ENTRY("directory entry");

    private final String label;

    Structure(String label) {
        this.label = label;
    }

    /** Human name, as printed in findings. */
    public String label() {
        return label;
    }
}
