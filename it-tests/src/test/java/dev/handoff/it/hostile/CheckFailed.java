package dev.handoff.it.hostile;

/** A check's finding: what was expected and what the server did instead. */
final class CheckFailed extends Exception {
    CheckFailed(String message) {
        super(message);
    }
}
