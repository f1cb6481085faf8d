package dev.handoff.it.wire;

/** A check's expectation not met: the message says which call, what was expected and what came back. */
final class CheckFailed extends Exception {
    CheckFailed(String message) {
        super(message, null, false, false);
    }
}
