package org.gfspnfs.nfs41.xdr;

/** nfs_ftype4 values (RFC 8881 section 5.8.1.2). */
public final class FileType4 {
    public static final int NF4REG = 1;
    public static final int NF4DIR = 2;
    public static final int NF4BLK = 3;
    public static final int NF4CHR = 4;
    public static final int NF4LNK = 5;
    public static final int NF4SOCK = 6;
    public static final int NF4FIFO = 7;
    public static final int NF4ATTRDIR = 8;
    public static final int NF4NAMEDATTR = 9;

    private FileType4() {
    }
}
