package org.gfspnfs.gfs;

/**
 * Counters of one mount, for benches and {@code gfsctl status}: glock demotes show lock ping-pong between nodes
 * (GFS2 exposes the same through glock statistics), commits show how often the journal was flushed.
 *
 * @param glockDemotes   glocks given up or converted down, at another node's request or to upgrade
 * @param journalCommits journal transactions committed by this mount
 * @param checkpoints    commits that also emptied the journal (glock handover, unmount): each costs two extra device
 *                       flushes, so they should follow demotes of inode and rgrp glocks only, never plain operations
 */
public record MountStats(long glockDemotes, long journalCommits, long checkpoints) {
}
