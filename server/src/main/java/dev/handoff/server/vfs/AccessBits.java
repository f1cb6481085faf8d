package dev.handoff.server.vfs;

/** The ACCESS procedure's bits (RFC 1813 §3.3.4), used by {@link Vfs#access}. */
public final class AccessBits {
    public static final int READ = 0x01;
    public static final int LOOKUP = 0x02;
    public static final int MODIFY = 0x04;
    public static final int EXTEND = 0x08;
    public static final int DELETE = 0x10;
    public static final int EXECUTE = 0x20;

    private AccessBits() {
    }
}
