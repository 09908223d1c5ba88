package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.body;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.xdr.Access4Res;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.ChangeInfo4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.Entry4;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Readdir4Res;
import org.gfspnfs.nfs41.xdr.Readlink4Res;
import org.gfspnfs.nfs41.xdr.Secinfo4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Directory and attribute operations (RFC 8881 sections 18.4-18.30). */
class NamespaceTest {
    private TestServer server;
    private Nfs41TestClient client;
    private byte[] export;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        client = Nfs41TestClient.connect(server.address(), "ns").mount();
        export = ((NfsFh4) body(expectOk(client.session(Ops.putRootFh(), Ops.lookup("export"), Ops.getFh())),
                Op.GETFH)).value;
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private CompoundRes4 inExport(ArgOp4... ops) throws Exception {
        ArgOp4[] all = new ArgOp4[ops.length + 1];
        all[0] = Ops.putFh(export);
        System.arraycopy(ops, 0, all, 1, ops.length);
        return client.session(all);
    }

    @Test
    void readdirInSmallPages_returnsEveryEntryOnceWithStableCookies() throws Exception {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            expectOk(inExport(Ops.mkdir("d" + i, AttrValues.mode(0755))));
            created.add("d" + i);
        }
        List<String> seen = new ArrayList<>();
        long cookie = 0;
        byte[] verf = new byte[8];
        boolean eof = false;
        int pages = 0;
        while (!eof) {
            Readdir4Res page = body(expectOk(inExport(Ops.readdir(cookie, verf, 600, Attr.TYPE, Attr.FILEID))),
                    Op.READDIR);
            for (Entry4 e : page.entries) {
                seen.add(new String(e.name, StandardCharsets.UTF_8));
                cookie = e.cookie;
                assertThat(e.cookie).isGreaterThan(2);
            }
            verf = page.cookieVerf;
            eof = page.eof;
            pages++;
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(seen).hasSize(40).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void readdir_readsAboutAsManyEntriesAsTheReplyHolds_notAWholePageEachTime() throws Exception {
        for (int i = 0; i < 300; i++) {
            expectOk(inExport(Ops.mkdir("e" + i, AttrValues.mode(0755))));
        }
        long before = server.fs().entriesListed();
        long cookie = 0;
        byte[] verf = new byte[8];
        boolean eof = false;
        int pages = 0;
        int seen = 0;
        while (!eof) {
            Readdir4Res page = body(expectOk(inExport(Ops.readdir(cookie, verf, 2000, Attr.TYPE, Attr.FILEID))),
                    Op.READDIR);
            for (Entry4 e : page.entries) {
                cookie = e.cookie;
                seen++;
            }
            verf = page.cookieVerf;
            eof = page.eof;
            pages++;
        }
        long listed = server.fs().entriesListed() - before;
        assertThat(seen).isEqualTo(300);
        assertThat(pages).as("2000-byte replies").isGreaterThan(5);
        // Each entry listed costs an attribute read; those that do not fit are listed again by the next READDIR.
        assertThat(listed).as("entries the filesystem listed for %d replies", pages)
                .isLessThanOrEqualTo(300 + 2L * pages);
    }

    /**
     * A reply of many pages: each page after the first two is read ahead while the one before is encoded. Every entry
     * comes once, in the order of its cookies, with its own attributes.
     */
    @Test
    void largeReplies_listEveryEntryOnceInCookieOrder_withItsOwnAttributes() throws Exception {
        int n = 1500;
        for (int i = 0; i < n; i++) {
            expectOk(inExport(Ops.mkdir("m" + i, AttrValues.mode(0700 | i % 64))));
        }
        Set<String> seen = new HashSet<>();
        long cookie = 0;
        byte[] verf = new byte[8];
        boolean eof = false;
        int largest = 0;
        while (!eof) {
            Readdir4Res page = body(expectOk(inExport(Ops.readdir(cookie, verf, 128 << 10, Attr.TYPE, Attr.FILEID,
                    Attr.MODE))), Op.READDIR);
            for (Entry4 e : page.entries) {
                String name = new String(e.name, StandardCharsets.UTF_8);
                assertThat(seen.add(name)).as("listed once: %s", name).isTrue();
                assertThat(Long.compareUnsigned(e.cookie, cookie)).as("cookie order at %s", name).isPositive();
                cookie = e.cookie;
                AttrValues a = AttrValues.decode(e.attrs);
                assertThat(a.mode()).as("mode of %s", name).isEqualTo(0700 | Integer.parseInt(name.substring(1)) % 64);
                AttrValues own = AttrValues.decode(body(expectOk(inExport(Ops.lookup(name), Ops.getattr(Attr.FILEID))),
                        Op.GETATTR));
                assertThat(a.fileId()).as("fileid of %s", name).isEqualTo(own.fileId());
            }
            largest = Math.max(largest, page.entries.size());
            verf = page.cookieVerf;
            eof = page.eof;
        }
        assertThat(seen).hasSize(n);
        assertThat(largest).as("entries in the largest reply").isGreaterThan(16 + 2 * 256);
    }

    @Test
    void readdirWithReservedCookie_isBadCookie_andTinyMaxcount_isTooSmall() throws Exception {
        expectOk(inExport(Ops.mkdir("x", AttrValues.mode(0755))));
        assertThat(inExport(Ops.readdir(1, new byte[8], 4096)).status).isEqualTo(NfsStat.NFS4ERR_BAD_COOKIE);
        assertThat(inExport(Ops.readdir(0, new byte[8], 20)).status).isEqualTo(NfsStat.NFS4ERR_TOOSMALL);
    }

    @Test
    void createRemove_changeInfoAdvances_andNonEmptyDirectoryCannotGo() throws Exception {
        CompoundRes4 mk = expectOk(inExport(Ops.mkdir("top", AttrValues.mode(0755)),
                Ops.mkdir("inner", AttrValues.mode(0755))));
        assertThat(mk.results.get(2).status).isEqualTo(NfsStat.NFS4_OK);
        assertThat(inExport(Ops.remove("top")).status).isEqualTo(NfsStat.NFS4ERR_NOTEMPTY);
        expectOk(inExport(Ops.lookup("top"), Ops.remove("inner")));
        ChangeInfo4 ci = body(expectOk(inExport(Ops.remove("top"))), Op.REMOVE);
        assertThat(ci.after).isGreaterThan(ci.before);
        assertThat(inExport(Ops.lookup("top")).status).isEqualTo(NfsStat.NFS4ERR_NOENT);
    }

    @Test
    void renameAcrossDirectories_andHardLink_moveNamesNotData() throws Exception {
        expectOk(inExport(Ops.mkdir("a", AttrValues.mode(0755))));
        expectOk(inExport(Ops.mkdir("b", AttrValues.mode(0755))));
        expectOk(inExport(Ops.saveFh(), Ops.lookup("b"), Ops.rename("a", "a2")));
        assertThat(inExport(Ops.lookup("a")).status).isEqualTo(NfsStat.NFS4ERR_NOENT);
        expectOk(inExport(Ops.lookup("b"), Ops.lookup("a2")));

        expectOk(inExport(Ops.open(client.clientId(), "o", "f", 3, 0, 0, AttrValues.mode(0644), null)));
        expectOk(inExport(Ops.lookup("f"), Ops.saveFh(), Ops.putFh(export), Ops.link("f2")));
        Fattr4 f = body(expectOk(inExport(Ops.lookup("f"), Ops.getattr(Attr.FILEID))), Op.GETATTR);
        Fattr4 f2 = body(expectOk(inExport(Ops.lookup("f2"), Ops.getattr(Attr.FILEID))), Op.GETATTR);
        assertThat(AttrValues.decode(f2).fileId()).isEqualTo(AttrValues.decode(f).fileId());
        assertThat(inExport(Ops.lookup("b"), Ops.saveFh(), Ops.lookupp(), Ops.link("b2")).status)
                .as("hard link to a directory").isEqualTo(NfsStat.NFS4ERR_ISDIR);
    }

    @Test
    void symlink_readsBackItsTarget() throws Exception {
        expectOk(inExport(Ops.symlink("ln", "../target/path", AttrValues.mode(0777))));
        Readlink4Res r = body(expectOk(inExport(Ops.lookup("ln"), Ops.readlink())), Op.READLINK);
        assertThat(new String(r.link, StandardCharsets.UTF_8)).isEqualTo("../target/path");
        assertThat(inExport(Ops.readlink()).status).isEqualTo(NfsStat.NFS4ERR_INVAL);
        assertThat(inExport(Ops.lookup("ln"), Ops.lookup("x")).status).isEqualTo(NfsStat.NFS4ERR_SYMLINK);
    }

    @Test
    void setattr_modeAndTruncate_areVisibleInGetattr() throws Exception {
        CompoundRes4 r = expectOk(inExport(Ops.open(client.clientId(), "o", "f", 3, 0, 0, AttrValues.mode(0644), null),
                Ops.write(Ops.anonymous(), 0, 2, new byte[100])));
        Stateid4 sid = ((org.gfspnfs.nfs41.xdr.Open4Res) body(r, Op.OPEN)).stateid;
        CompoundRes4 s = expectOk(inExport(Ops.lookup("f"), Ops.setattr(sid, AttrValues.size(10)),
                Ops.setattr(new Stateid4(0, new byte[12]), AttrValues.mode(0600)),
                Ops.getattr(Attr.SIZE, Attr.MODE, Attr.OWNER)));
        AttrValues v = AttrValues.decode(body(s, Op.GETATTR));
        assertThat(v.size()).isEqualTo(10);
        assertThat(v.mode()).isEqualTo(0600);
        assertThat(v.owner()).isEqualTo("0");
    }

    @Test
    void setattrOfReadOnlyAttribute_isInval_withEmptyBitmap() throws Exception {
        Fattr4 fileid = new Fattr4(org.gfspnfs.nfs41.attr.Bitmaps.of(Attr.FILEID),
                org.gfspnfs.nfs41.xdr.XdrBytes.encode(x -> x.xdrEncodeLong(5)));
        CompoundRes4 r = inExport(Ops.setattr(Ops.anonymous(), fileid));
        assertThat(r.status).isEqualTo(NfsStat.NFS4ERR_INVAL);
        assertThat(((org.gfspnfs.nfs41.xdr.Bitmap4) r.results.get(2).body).value).isEmpty();
    }

    @Test
    void verifyAndNverify_compareAttributeValues() throws Exception {
        Fattr4 current = body(expectOk(inExport(Ops.getattr(Attr.TYPE, Attr.FILEID))), Op.GETATTR);
        expectOk(inExport(new ArgOp4(Op.VERIFY, current)));
        assertThat(inExport(new ArgOp4(Op.NVERIFY, current)).status).isEqualTo(NfsStat.NFS4ERR_SAME);
        Fattr4 wrong = new Fattr4(current.attrmask, new byte[current.attrVals.length]);
        assertThat(inExport(new ArgOp4(Op.VERIFY, wrong)).status).isEqualTo(NfsStat.NFS4ERR_NOT_SAME);
    }

    @Test
    void access_reportsWhatModeBitsAllow() throws Exception {
        Access4Res a = body(expectOk(inExport(Ops.access(Access.ALL))), Op.ACCESS);
        assertThat(a.access & (Access.READ | Access.LOOKUP | Access.MODIFY)).isEqualTo(
                Access.READ | Access.LOOKUP | Access.MODIFY);
    }

    @Test
    void secinfoNoName_listsAuthSys_andConsumesTheFileHandle() throws Exception {
        CompoundRes4 r = expectOk(inExport(Ops.secinfoNoName()));
        assertThat(((Secinfo4Res) body(r, Op.SECINFO_NO_NAME)).flavors).containsExactly(1);
        assertThat(inExport(Ops.secinfoNoName(), Ops.getFh()).status).isEqualTo(NfsStat.NFS4ERR_NOFILEHANDLE);
    }

    @Test
    void badNames_areRejected() throws Exception {
        assertThat(inExport(Ops.lookup("..")).status).isEqualTo(NfsStat.NFS4ERR_BADNAME);
        assertThat(inExport(Ops.lookup("a/b")).status).isEqualTo(NfsStat.NFS4ERR_BADCHAR);
        assertThat(inExport(Ops.lookup("")).status).isEqualTo(NfsStat.NFS4ERR_INVAL);
        assertThat(inExport(Ops.lookup("x".repeat(300))).status).isEqualTo(NfsStat.NFS4ERR_NAMETOOLONG);
    }

    @Test
    void foreignFileHandle_isBadHandle_andNoCurrentHandle_isNoFileHandle() throws Exception {
        assertThat(client.session(Ops.putFh(new byte[] {1, 2, 3})).status).isEqualTo(NfsStat.NFS4ERR_BADHANDLE);
        assertThat(client.session(Ops.getFh()).status).isEqualTo(NfsStat.NFS4ERR_NOFILEHANDLE);
        assertThat(client.session(Ops.restoreFh()).status).isEqualTo(NfsStat.NFS4ERR_RESTOREFH);
    }

    @Test
    void handleOfAnotherFilesystem_isStale() throws Exception {
        org.gfspnfs.nfs41.compound.FileHandle mine = org.gfspnfs.nfs41.compound.FileHandle.fromBytes(export);
        byte[] other = new org.gfspnfs.nfs41.compound.FileHandle(mine.fsTag() + 1, mine.exportId(), mine.inode())
                .toBytes();
        assertThat(client.session(Ops.putFh(other)).status).isEqualTo(NfsStat.NFS4ERR_STALE);
    }
}
