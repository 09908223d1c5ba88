package org.gfspnfs.nfs41.xdr;

/** entry4 (RFC 8881 section 18.23): one directory entry with its cookie and requested attributes. */
public class Entry4 {
    public long cookie;
    public byte[] name;
    public Fattr4 attrs;

    public Entry4() {
    }

    public Entry4(long cookie, byte[] name, Fattr4 attrs) {
        this.cookie = cookie;
        this.name = name;
        this.attrs = attrs;
    }
}
