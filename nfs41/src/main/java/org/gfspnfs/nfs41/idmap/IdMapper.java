package org.gfspnfs.nfs41.idmap;

import org.gfspnfs.nfs41.status.NfsException;

/**
 * Maps the owner and owner_group attribute strings (RFC 8881 section 5.9: "user@domain", or the decimal id that
 * AUTH_SYS clients send, section 5.9 last paragraphs) to numeric ids and back. Unknown names are
 * NFS4ERR_BADOWNER.
 */
public interface IdMapper {
    String uidToOwner(int uid);

    String gidToGroup(int gid);

    int ownerToUid(String owner) throws NfsException;

    int groupToGid(String group) throws NfsException;
}
