package org.gfspnfs.conf;

/** A 1-based line and column in the cluster.conf text. */
record Pos(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
