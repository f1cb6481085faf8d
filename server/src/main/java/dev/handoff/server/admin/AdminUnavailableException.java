package dev.handoff.server.admin;

import java.io.IOException;

/** Nothing answers at the admin endpoint (refused, timed out, unresolvable): the server is not running there. */
public final class AdminUnavailableException extends IOException {
    public AdminUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
