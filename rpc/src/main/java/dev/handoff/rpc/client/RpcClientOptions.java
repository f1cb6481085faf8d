package dev.handoff.rpc.client;

import dev.handoff.rpc.message.Credential;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link RpcClient} calls.
 *
 * @param source       local address (and port, 0 for any) to send from, or null to let the kernel choose; NLM
 *                     callbacks and SM_NOTIFY must come from the VIP the peer knows
 * @param timeout      how long one try waits for its reply
 * @param retries      tries after the first; UDP resends the same xid, TCP resends it on a new connection when
 *                     the old one broke
 * @param credential   sent with every call
 * @param maxReplySize largest reply record accepted (TCP); a larger one breaks the connection
 */
public record RpcClientOptions(InetSocketAddress source, Duration timeout, int retries, Credential credential,
                               int maxReplySize) {
    public RpcClientOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(credential, "credential");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        if (maxReplySize <= 0) {
            throw new IllegalArgumentException("maxReplySize must be positive: " + maxReplySize);
        }
    }

    /** Any source address, 5 s per try, 2 retries, AUTH_NONE, replies up to 1 MiB. */
    public static RpcClientOptions defaults() {
        return new RpcClientOptions(null, Duration.ofSeconds(5), 2, Credential.None.INSTANCE, 1 << 20);
    }

    public RpcClientOptions withSource(InetAddress address) {
        return withSource(new InetSocketAddress(address, 0));
    }

    public RpcClientOptions withSource(InetSocketAddress address) {
        return new RpcClientOptions(address, timeout, retries, credential, maxReplySize);
    }

    public RpcClientOptions withTimeout(Duration t) {
        return new RpcClientOptions(source, t, retries, credential, maxReplySize);
    }

    public RpcClientOptions withRetries(int r) {
        return new RpcClientOptions(source, timeout, r, credential, maxReplySize);
    }

    public RpcClientOptions withCredential(Credential c) {
        return new RpcClientOptions(source, timeout, retries, c, maxReplySize);
    }

    public RpcClientOptions withMaxReplySize(int size) {
        return new RpcClientOptions(source, timeout, retries, credential, size);
    }
}
