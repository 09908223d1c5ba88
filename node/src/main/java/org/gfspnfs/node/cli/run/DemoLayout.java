package org.gfspnfs.node.cli.run;

/** {@code gfspnfs demo --pnfs}: which layouts the demo's export hands out (the exports file's {@code pnfs=}). */
enum DemoLayout {
    files("files"),
    flexfiles("flexfiles"),
    none("none");

    private final String exportsValue;

    DemoLayout(String exportsValue) {
        this.exportsValue = exportsValue;
    }

    String exportsValue() {
        return exportsValue;
    }
}
