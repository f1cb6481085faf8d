package dev.handoff.rpc.message;

/** RFC 5531 §8.1 authentication flavor numbers that Handoff knows. */
public final class AuthFlavor {
    public static final int AUTH_NONE = 0;
    public static final int AUTH_SYS = 1;
    public static final int AUTH_SHORT = 2;

    private AuthFlavor() {
    }
}
