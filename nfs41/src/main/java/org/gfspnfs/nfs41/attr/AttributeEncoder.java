package org.gfspnfs.nfs41.attr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.function.IntFunction;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.gfspnfs.nfs41.idmap.IdMapper;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.FileType;
import org.gfspnfs.nfs41.vfs.FsStat;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.FileType4;
import org.gfspnfs.nfs41.xdr.XdrByteWriter;

/**
 * Encodes the attributes a client asks for into a fattr4 (RFC 8881 section 5): only supported attributes, in
 * increasing number, and the returned bitmap says which ones are there.
 */
public final class AttributeEncoder {
    private final AttrSettings settings;
    private final BitSet supported;
    private final int[] exclCreat = Bitmaps.of(Attr.SIZE, Attr.MODE, Attr.OWNER, Attr.OWNER_GROUP);
    private final LastMapped owners;
    private final LastMapped groups;

    public AttributeEncoder(IdMapper idMapper, AttrSettings settings) {
        this.owners = new LastMapped(idMapper::uidToOwner);
        this.groups = new LastMapped(idMapper::gidToGroup);
        this.settings = settings;
        this.supported = Bitmaps.toBitSet(Bitmaps.of(Attr.SUPPORTED_ATTRS, Attr.TYPE, Attr.FH_EXPIRE_TYPE,
                Attr.CHANGE, Attr.SIZE, Attr.LINK_SUPPORT, Attr.SYMLINK_SUPPORT, Attr.NAMED_ATTR, Attr.FSID,
                Attr.UNIQUE_HANDLES, Attr.LEASE_TIME, Attr.RDATTR_ERROR, Attr.ACLSUPPORT, Attr.CANSETTIME,
                Attr.CASE_INSENSITIVE, Attr.CASE_PRESERVING, Attr.CHOWN_RESTRICTED, Attr.FILEHANDLE,
                Attr.FILEID, Attr.FILES_AVAIL, Attr.FILES_FREE, Attr.FILES_TOTAL, Attr.HOMOGENEOUS,
                Attr.MAXFILESIZE, Attr.MAXLINK, Attr.MAXNAME, Attr.MAXREAD, Attr.MAXWRITE, Attr.MODE,
                Attr.NO_TRUNC, Attr.NUMLINKS, Attr.OWNER, Attr.OWNER_GROUP, Attr.RAWDEV, Attr.SPACE_AVAIL,
                Attr.SPACE_FREE, Attr.SPACE_TOTAL, Attr.SPACE_USED, Attr.TIME_ACCESS, Attr.TIME_ACCESS_SET,
                Attr.TIME_DELTA, Attr.TIME_METADATA, Attr.TIME_MODIFY, Attr.TIME_MODIFY_SET,
                Attr.MOUNTED_ON_FILEID, Attr.SUPPATTR_EXCLCREAT));
        if (settings.layoutTypes().length > 0) {
            supported.set(Attr.FS_LAYOUT_TYPES);
            supported.set(Attr.LAYOUT_BLKSIZE);
            supported.set(Attr.MDSTHRESHOLD);
        }
    }

    public boolean isSupported(int attr) {
        return supported.get(attr);
    }

    public int[] supportedBitmap() {
        return Bitmaps.of(supported);
    }

    /** The requested attributes of one object that this server supports. */
    public Fattr4 encode(int[] request, AttrSource src) throws NfsException {
        return encode(plan(request), src);
    }

    /**
     * What {@link #encode(Plan, AttrSource)} writes for {@code request}: worked out once for a READDIR, whose entries
     * all answer the same request.
     */
    public Plan plan(int[] request) {
        BitSet wanted = Bitmaps.toBitSet(request);
        wanted.and(supported);
        wanted.clear(Attr.TIME_ACCESS_SET);
        wanted.clear(Attr.TIME_MODIFY_SET);
        int[] attrs = wanted.stream().toArray();
        boolean fsStat = false;
        for (int a : attrs) {
            fsStat |= a >= Attr.FILES_AVAIL && a <= Attr.FILES_TOTAL || a >= Attr.SPACE_AVAIL && a <= Attr.SPACE_TOTAL;
        }
        return new Plan(attrs, Bitmaps.of(wanted), fsStat);
    }

    /** The attributes of {@code plan}, in increasing number. The returned bitmap is the plan's (not to be changed). */
    public Fattr4 encode(Plan plan, AttrSource src) throws NfsException {
        XdrByteWriter vals = new XdrByteWriter(256);
        encodeValues(plan, src, vals);
        return new Fattr4(plan.bitmap, vals.toByteArray());
    }

    /**
     * The fattr4 of {@link #encode(Plan, AttrSource)} written straight into {@code out}: bitmap, then the values as
     * an opaque whose length is filled in once they are written. For READDIR, which writes its reply as it goes.
     */
    public void encodeInto(Plan plan, AttrSource src, XdrByteWriter out) throws NfsException {
        out.xdrEncodeIntVector(plan.bitmap);
        int lengthAt = out.length();
        out.xdrEncodeInt(0);
        encodeValues(plan, src, out);
        out.patchInt(lengthAt, out.length() - lengthAt - 4);
    }

    /** The values of {@code plan}'s attributes, in increasing number (attr_vals). */
    private void encodeValues(Plan plan, AttrSource src, XdrByteWriter out) throws NfsException {
        FsStat fs = plan.fsStat ? src.fsStat().get() : null;
        for (int a : plan.attrs) {
            try {
                encodeOne(out, a, src, fs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);   // an array writer does not fail
            }
        }
    }

    /**
     * An id mapping's last answer, encoded: a directory's entries mostly share their owner and group, and mapping and
     * encoding them afresh per entry showed in every READDIR profile. Immutable entries, so threads share the last
     * one without a lock.
     */
    private static final class LastMapped {
        private final IntFunction<String> map;
        private volatile Mapped last;

        LastMapped(IntFunction<String> map) {
            this.map = map;
        }

        byte[] utf8(int id) {
            Mapped m = last;
            if (m == null || m.id != id) {
                m = new Mapped(id, map.apply(id).getBytes(StandardCharsets.UTF_8));
                last = m;
            }
            return m.utf8;
        }

        private record Mapped(int id, byte[] utf8) {
        }
    }

    /** The supported attributes of one request, in the order they are encoded, and the bitmap that says so. */
    public static final class Plan {
        private final int[] attrs;
        private final int[] bitmap;
        private final boolean fsStat;

        private Plan(int[] attrs, int[] bitmap, boolean fsStat) {
            this.attrs = attrs;
            this.bitmap = bitmap;
            this.fsStat = fsStat;
        }
    }

    private void encodeOne(XdrEncodingStream x, int attr, AttrSource src, FsStat fs) throws IOException {
        Stat st = src.stat();
        switch (attr) {
            case Attr.SUPPORTED_ATTRS -> x.xdrEncodeIntVector(supportedBitmap());
            case Attr.TYPE -> x.xdrEncodeInt(type(st.type()));
            case Attr.FH_EXPIRE_TYPE -> x.xdrEncodeInt(0);
            case Attr.CHANGE -> x.xdrEncodeLong(st.change());
            case Attr.SIZE -> x.xdrEncodeLong(st.size());
            case Attr.LINK_SUPPORT -> x.xdrEncodeBoolean(src.fsInfo().hardLinks());
            case Attr.SYMLINK_SUPPORT -> x.xdrEncodeBoolean(src.fsInfo().symlinks());
            case Attr.NAMED_ATTR, Attr.CASE_INSENSITIVE -> x.xdrEncodeBoolean(false);
            case Attr.FSID -> {
                x.xdrEncodeLong(src.fsInfo().fsidMajor());
                x.xdrEncodeLong(src.fsInfo().fsidMinor());
            }
            case Attr.UNIQUE_HANDLES, Attr.CANSETTIME, Attr.CASE_PRESERVING, Attr.CHOWN_RESTRICTED,
                 Attr.HOMOGENEOUS, Attr.NO_TRUNC -> x.xdrEncodeBoolean(true);
            case Attr.LEASE_TIME -> x.xdrEncodeInt(settings.leaseSeconds());
            case Attr.RDATTR_ERROR, Attr.ACLSUPPORT -> x.xdrEncodeInt(0);
            case Attr.FILEHANDLE -> x.xdrEncodeDynamicOpaque(src.fileHandle());
            case Attr.FILEID, Attr.MOUNTED_ON_FILEID -> x.xdrEncodeLong(st.fileId());
            case Attr.FILES_AVAIL -> x.xdrEncodeLong(fs.availFiles());
            case Attr.FILES_FREE -> x.xdrEncodeLong(fs.freeFiles());
            case Attr.FILES_TOTAL -> x.xdrEncodeLong(fs.totalFiles());
            case Attr.MAXFILESIZE -> x.xdrEncodeLong(src.fsInfo().maxFileSize());
            case Attr.MAXLINK -> x.xdrEncodeInt(src.fsInfo().maxLink());
            case Attr.MAXNAME -> x.xdrEncodeInt(src.fsInfo().maxName());
            case Attr.MAXREAD -> x.xdrEncodeLong(settings.maxRead());
            case Attr.MAXWRITE -> x.xdrEncodeLong(settings.maxWrite());
            case Attr.MODE -> x.xdrEncodeInt(st.mode() & 07777);
            case Attr.NUMLINKS -> x.xdrEncodeInt(st.nlink());
            case Attr.OWNER -> x.xdrEncodeDynamicOpaque(owners.utf8(st.uid()));
            case Attr.OWNER_GROUP -> x.xdrEncodeDynamicOpaque(groups.utf8(st.gid()));
            case Attr.RAWDEV -> {
                x.xdrEncodeInt(st.rdevMajor());
                x.xdrEncodeInt(st.rdevMinor());
            }
            case Attr.SPACE_AVAIL -> x.xdrEncodeLong(fs.availBytes());
            case Attr.SPACE_FREE -> x.xdrEncodeLong(fs.freeBytes());
            case Attr.SPACE_TOTAL -> x.xdrEncodeLong(fs.totalBytes());
            case Attr.SPACE_USED -> x.xdrEncodeLong(st.spaceUsed());
            case Attr.TIME_ACCESS -> time(x, st.atime());
            case Attr.TIME_DELTA -> time(x, Instant.ofEpochSecond(0, 1));
            case Attr.TIME_METADATA -> time(x, st.ctime());
            case Attr.TIME_MODIFY -> time(x, st.mtime());
            case Attr.FS_LAYOUT_TYPES -> x.xdrEncodeIntVector(src.layoutTypes() == null ? settings.layoutTypes()
                    : src.layoutTypes().get());
            case Attr.LAYOUT_BLKSIZE -> x.xdrEncodeInt(settings.layoutBlockSize());
            case Attr.MDSTHRESHOLD -> mdsThreshold(x, src);
            case Attr.SUPPATTR_EXCLCREAT -> x.xdrEncodeIntVector(exclCreat);
            default -> throw new IllegalStateException("supported attribute without encoder: " + attr);
        }
    }

    /**
     * mdsthreshold (RFC 8881 section 5.12.2): for a regular file of an export with layouts, one threshold_item4 per
     * layout type with the read and write file-size hints: a client reads and writes a file smaller than that
     * through the MDS, without a layout (the Linux client does). Nothing for other objects, or without a threshold.
     */
    private void mdsThreshold(XdrEncodingStream x, AttrSource src) {
        long size = settings.mdsThreshold();
        if (size <= 0 || src.stat().type() != FileType.REGULAR) {
            x.xdrEncodeInt(0);
            return;
        }
        int[] types = src.layoutTypes() == null ? settings.layoutTypes() : src.layoutTypes().get();
        x.xdrEncodeInt(types.length);
        for (int type : types) {
            x.xdrEncodeInt(type);
            x.xdrEncodeIntVector(THRESHOLD_SIZE_HINTS);
            x.xdrEncodeInt(16);   // thi_hintlist: the hints of the bitmap, in bit order, as uint64
            x.xdrEncodeLong(size);
            x.xdrEncodeLong(size);
        }
    }

    /** thi_hintset: THRESHOLD4_READ_SIZE (bit 0) and THRESHOLD4_WRITE_SIZE (bit 1). */
    private static final int[] THRESHOLD_SIZE_HINTS = {0b11};

    private static void time(XdrEncodingStream x, Instant t) {
        x.xdrEncodeLong(t.getEpochSecond());
        x.xdrEncodeInt(t.getNano());
    }

    public static int type(FileType t) {
        return switch (t) {
            case REGULAR -> FileType4.NF4REG;
            case DIRECTORY -> FileType4.NF4DIR;
            case SYMLINK -> FileType4.NF4LNK;
            case BLOCK_DEVICE -> FileType4.NF4BLK;
            case CHAR_DEVICE -> FileType4.NF4CHR;
            case FIFO -> FileType4.NF4FIFO;
            case SOCKET -> FileType4.NF4SOCK;
        };
    }
}
