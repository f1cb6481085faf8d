package dev.handoff.server.nfs3;

import dev.handoff.server.nfs3.xdr.Nfs3Status;

/**
 * A procedure ends with an error status that no errno gave: a refused handle or export, a name too long, a
 * failed SETATTR guard and the like. Thrown inside a handler and turned into the procedure's resfail by its
 * table row, so that no handler repeats the failure path; no stack trace, as it is no fault.
 */
final class Nfs3Failure extends Exception {
    private final Nfs3Status status;

    Nfs3Failure(Nfs3Status status, String detail) {
        super(status + ": " + detail, null, false, false);
        if (status == Nfs3Status.NFS3_OK) {
            throw new IllegalArgumentException("a failure needs an error status");
        }
        this.status = status;
    }

    Nfs3Status status() {
        return status;
    }
}
