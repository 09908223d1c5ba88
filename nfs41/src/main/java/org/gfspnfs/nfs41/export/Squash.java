package org.gfspnfs.nfs41.export;

/** Which identities an export maps to the anonymous user (exports(5): no_root_squash, root_squash, all_squash). */
public enum Squash {
    NONE, ROOT, ALL
}
