package org.gfspnfs.gfs.format;

import java.nio.ByteBuffer;

/** Accessors for a resource-group header block (type RG), see FORMAT.md. A view: writes go to the block. */
public final class RgrpHeader {
    private final ByteBuffer b;

    public RgrpHeader(byte[] block) {
        this.b = ByteBuffer.wrap(block);
    }

    public int index() {
        return b.getInt(24);
    }

    public long dataStart() {
        return b.getLong(32);
    }

    public int dataBlocks() {
        return b.getInt(40);
    }

    public int bitmapBlocks() {
        return b.getInt(44);
    }

    public int free() {
        return b.getInt(48);
    }

    public int dinodes() {
        return b.getInt(52);
    }

    public long generation() {
        return b.getLong(56);
    }

    public int unlinked() {
        return b.getInt(64);
    }

    public void setIndex(int v) {
        b.putInt(24, v);
    }

    public void setDataStart(long v) {
        b.putLong(32, v);
    }

    public void setDataBlocks(int v) {
        b.putInt(40, v);
    }

    public void setBitmapBlocks(int v) {
        b.putInt(44, v);
    }

    public void setFree(int v) {
        b.putInt(48, v);
    }

    public void setDinodes(int v) {
        b.putInt(52, v);
    }

    public void setGeneration(long v) {
        b.putLong(56, v);
    }

    public void setUnlinked(int v) {
        b.putInt(64, v);
    }
}
