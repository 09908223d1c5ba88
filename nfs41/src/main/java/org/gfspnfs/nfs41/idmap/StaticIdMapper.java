package org.gfspnfs.nfs41.idmap;

import java.util.HashMap;
import java.util.Map;

import org.gfspnfs.nfs41.status.BadOwnerException;
import org.gfspnfs.nfs41.status.NfsException;

/**
 * An id mapper over fixed name tables and an NFSv4 domain. Decimal strings always map to themselves. Outgoing
 * ids are sent as decimal strings when {@code numericOut} is set (what the Linux client expects with AUTH_SYS,
 * nfs4_disable_idmapping), otherwise as "name@domain" when the name is known.
 */
public final class StaticIdMapper implements IdMapper {
    private final String domain;
    private final boolean numericOut;
    private final Map<String, Integer> users;
    private final Map<String, Integer> groups;
    private final Map<Integer, String> userNames = new HashMap<>();
    private final Map<Integer, String> groupNames = new HashMap<>();

    public StaticIdMapper(String domain, boolean numericOut, Map<String, Integer> users,
                          Map<String, Integer> groups) {
        this.domain = domain;
        this.numericOut = numericOut;
        this.users = Map.copyOf(users);
        this.groups = Map.copyOf(groups);
        users.forEach((name, id) -> userNames.putIfAbsent(id, name));
        groups.forEach((name, id) -> groupNames.putIfAbsent(id, name));
    }

    /** Numeric ids only, in both directions: the AUTH_SYS default. */
    public static StaticIdMapper numeric(String domain) {
        return new StaticIdMapper(domain, true, Map.of(), Map.of());
    }

    @Override
    public String uidToOwner(int uid) {
        return toName(uid, userNames);
    }

    @Override
    public String gidToGroup(int gid) {
        return toName(gid, groupNames);
    }

    @Override
    public int ownerToUid(String owner) throws NfsException {
        return toId(owner, users);
    }

    @Override
    public int groupToGid(String group) throws NfsException {
        return toId(group, groups);
    }

    private String toName(int id, Map<Integer, String> names) {
        String name = numericOut ? null : names.get(id);
        return name != null ? name + "@" + domain : Integer.toUnsignedString(id);
    }

    private int toId(String s, Map<String, Integer> table) throws NfsException {
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() <= 10) {
            long v = Long.parseLong(s);
            if (v <= 0xffffffffL) {
                return (int) v;
            }
        }
        int at = s.lastIndexOf('@');
        if (at > 0 && s.substring(at + 1).equalsIgnoreCase(domain)) {
            Integer id = table.get(s.substring(0, at));
            if (id != null) {
                return id;
            }
        }
        throw new BadOwnerException("unknown owner " + s);
    }
}
