package org.gfspnfs.gfs.format;

import java.nio.ByteBuffer;

/** Accessors for a dinode block (type DI), see FORMAT.md "Dinode". A view: writes go to the block. */
public final class DinodeBlock {
    public static final int CONTENT = 160;
    public static final int FLAG_EXHASH = 1;
    private final ByteBuffer b;
    private final byte[] block;

    public DinodeBlock(byte[] block) {
        this.block = block;
        this.b = ByteBuffer.wrap(block);
    }

    public byte[] block() {
        return block;
    }

    /** Bytes available for stuffed content. */
    public int contentSize() {
        return block.length - CONTENT;
    }

    public long number() { return b.getLong(24); }
    public long generation() { return b.getLong(32); }
    public int mode() { return b.getInt(40); }
    public int uid() { return b.getInt(44); }
    public int gid() { return b.getInt(48); }
    public int nlink() { return b.getInt(52); }
    public long size() { return b.getLong(56); }
    public long blocks() { return b.getLong(64); }
    public long atimeSec() { return b.getLong(72); }
    public long mtimeSec() { return b.getLong(80); }
    public long ctimeSec() { return b.getLong(88); }
    public int atimeNsec() { return b.getInt(96); }
    public int mtimeNsec() { return b.getInt(100); }
    public int ctimeNsec() { return b.getInt(104); }
    public int flags() { return b.getInt(108); }
    public long change() { return b.getLong(112); }
    public long parent() { return b.getLong(120); }
    public int height() { return b.getShort(128) & 0xffff; }
    public int depth() { return b.getShort(130) & 0xffff; }
    public int entries() { return b.getInt(132); }
    public long rdev() { return b.getLong(136); }

    public void setNumber(long v) { b.putLong(24, v); }
    public void setGeneration(long v) { b.putLong(32, v); }
    public void setMode(int v) { b.putInt(40, v); }
    public void setUid(int v) { b.putInt(44, v); }
    public void setGid(int v) { b.putInt(48, v); }
    public void setNlink(int v) { b.putInt(52, v); }
    public void setSize(long v) { b.putLong(56, v); }
    public void setBlocks(long v) { b.putLong(64, v); }
    public void setAtime(long sec, int nsec) { b.putLong(72, sec); b.putInt(96, nsec); }
    public void setMtime(long sec, int nsec) { b.putLong(80, sec); b.putInt(100, nsec); }
    public void setCtime(long sec, int nsec) { b.putLong(88, sec); b.putInt(104, nsec); }
    public void setFlags(int v) { b.putInt(108, v); }
    public void setChange(long v) { b.putLong(112, v); }
    public void setParent(long v) { b.putLong(120, v); }
    public void setHeight(int v) { b.putShort(128, (short) v); }
    public void setDepth(int v) { b.putShort(130, (short) v); }
    public void setEntries(int v) { b.putInt(132, v); }
    public void setRdev(long v) { b.putLong(136, v); }
}
