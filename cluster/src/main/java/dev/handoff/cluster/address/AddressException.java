package dev.handoff.cluster.address;

import java.io.Serial;

/** An address could not be added, removed or inspected; the message says why and, if known, what to fix. */
public final class AddressException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public AddressException(String message) {
        super(message);
    }

    public AddressException(String message, Throwable cause) {
        super(message, cause);
    }
}
