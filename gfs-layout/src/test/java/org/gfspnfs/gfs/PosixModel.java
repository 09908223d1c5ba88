package org.gfspnfs.gfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * An in-memory POSIX tree that says what every operation must return, including which error (by errno) in the
 * same precedence as the filesystem checks them.
 */
final class PosixModel {
    static final class Node {
        final FileType type;
        final TreeMap<String, Node> children = new TreeMap<>();
        Node parent;
        byte[] data = new byte[0];
        String target;
        int nlink;
        int mode;
        InodeId id;

        Node(FileType type, int mode) {
            this.type = type;
            this.mode = mode;
            this.nlink = type == FileType.DIRECTORY ? 2 : 1;
        }

        boolean isDir() {
            return type == FileType.DIRECTORY;
        }

        long size() {
            return type == FileType.SYMLINK ? target.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    : type == FileType.REGULAR ? data.length : 0;
        }
    }

    /** Thrown by the model with the errno the filesystem must report. */
    static final class ModelError extends Exception {
        final Errno errno;

        ModelError(Errno errno) {
            super(errno.name(), null, false, false);
            this.errno = errno;
        }
    }

    final Node root = new Node(FileType.DIRECTORY, 0755);

    PosixModel() {
        root.parent = root;
    }

    Node create(Node dir, String name, FileType type, int mode, String target) throws ModelError {
        if (dir.children.containsKey(name)) {
            throw new ModelError(Errno.EEXIST);
        }
        Node n = new Node(type, mode);
        n.target = target;
        n.parent = dir;
        dir.children.put(name, n);
        if (type == FileType.DIRECTORY) {
            dir.nlink++;
        }
        return n;
    }

    void link(Node target, Node dir, String name) throws ModelError {
        if (target.isDir()) {
            throw new ModelError(Errno.EISDIR);
        }
        if (dir.children.containsKey(name)) {
            throw new ModelError(Errno.EEXIST);
        }
        dir.children.put(name, target);
        target.nlink++;
    }

    Node remove(Node dir, String name, boolean wantDir) throws ModelError {
        Node t = dir.children.get(name);
        if (t == null) {
            throw new ModelError(Errno.ENOENT);
        }
        if (wantDir && !t.isDir()) {
            throw new ModelError(Errno.ENOTDIR);
        }
        if (!wantDir && t.isDir()) {
            throw new ModelError(Errno.EISDIR);
        }
        if (wantDir && !t.children.isEmpty()) {
            throw new ModelError(Errno.ENOTEMPTY);
        }
        dir.children.remove(name);
        dropLink(dir, t);
        return t;
    }

    private static void dropLink(Node dir, Node t) {
        if (t.isDir()) {
            t.nlink = 0;
            dir.nlink--;
        } else {
            t.nlink--;
        }
    }

    void rename(Node sd, String sn, Node dd, String dn) throws ModelError {
        Node s = sd.children.get(sn);
        if (s == null) {
            throw new ModelError(Errno.ENOENT);
        }
        Node v = dd.children.get(dn);
        if (v == s) {
            return;
        }
        if (v != null) {
            if (s.isDir() && !v.isDir()) {
                throw new ModelError(Errno.ENOTDIR);
            }
            if (!s.isDir() && v.isDir()) {
                throw new ModelError(Errno.EISDIR);
            }
            if (v.isDir() && !v.children.isEmpty()) {
                throw new ModelError(Errno.ENOTEMPTY);
            }
        }
        if (s.isDir() && sd != dd) {
            for (Node p = dd; ; p = p.parent) {
                if (p == s) {
                    throw new ModelError(Errno.EINVAL);
                }
                if (p == root) {
                    break;
                }
            }
        }
        if (v != null) {
            dd.children.remove(dn);
            dropLink(dd, v);
        }
        sd.children.remove(sn);
        dd.children.put(dn, s);
        if (s.isDir() && sd != dd) {
            s.parent = dd;
            sd.nlink--;
            dd.nlink++;
        }
    }

    static void write(Node f, int off, byte[] bytes) {
        if (off + bytes.length > f.data.length) {
            f.data = Arrays.copyOf(f.data, off + bytes.length);
        }
        System.arraycopy(bytes, 0, f.data, off, bytes.length);
    }

    static void truncate(Node f, int size) {
        f.data = Arrays.copyOf(f.data, size);
    }

    /** Every node reachable from the root, directories first-come. */
    List<Node> all() {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private void collect(Node n, List<Node> out) {
        if (out.contains(n)) {
            return;
        }
        out.add(n);
        for (Node c : n.children.values()) {
            collect(c, out);
        }
    }
}
