package org.gfspnfs.nfs41.xdr;

/** layout_content4 (RFC 8881 section 3.3.13): the layout type and its type-specific body. */
public class LayoutContent4 extends TypedLayoutBody4 {

    public LayoutContent4() {
    }

    public LayoutContent4(int layoutType, byte[] body) {
        super(layoutType, body);
    }
}
