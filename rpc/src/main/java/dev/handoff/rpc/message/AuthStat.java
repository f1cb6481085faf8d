package dev.handoff.rpc.message;

/** RFC 5531 §9 auth_stat: why a call's credentials were refused. */
public enum AuthStat {
    AUTH_OK(0),
    AUTH_BADCRED(1),
    AUTH_REJECTEDCRED(2),
    AUTH_BADVERF(3),
    AUTH_REJECTEDVERF(4),
    AUTH_TOOWEAK(5),
    AUTH_INVALIDRESP(6),
    AUTH_FAILED(7);

    public final int value;

    AuthStat(int value) {
        this.value = value;
    }
}
