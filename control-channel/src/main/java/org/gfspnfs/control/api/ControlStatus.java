package org.gfspnfs.control.api;

/**
 * The status every control-channel result starts with (PROTOCOL.md "ctl_status"). {@link #OK} means the body
 * follows; every other value carries a message and maps to one {@link ControlException} subclass.
 */
public enum ControlStatus {
    OK(0), NOENT(1), NOT_SERVED(2), INVAL(3), REFUSED(4), SERVERFAULT(5);

    private final int code;

    ControlStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The status for a wire code; unknown codes are a server fault (a newer peer's code is still an error). */
    public static ControlStatus ofCode(int code) {
        for (ControlStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return SERVERFAULT;
    }
}
