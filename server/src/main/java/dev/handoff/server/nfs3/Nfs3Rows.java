package dev.handoff.server.nfs3;

import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.Handler;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.vfs.CallScope;
import dev.handoff.server.vfs.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the rows of the NFSv3 table. A row pairs a procedure's body, which returns its resok and throws on
 * any error, with its failure function, which builds the resfail from the status and what the call learned
 * before it failed ({@link Nfs3Request#wcc}, {@link Nfs3Request#postOp}). The one try/catch of every NFSv3
 * procedure is here: a {@link Nfs3Failure} carries its status, a {@link VfsException} goes through
 * {@link Nfs3Errors#of}. Any other exception is a server fault, left to the dispatcher (SYSTEM_ERR).
 */
final class Nfs3Rows {
    private static final Logger log = LoggerFactory.getLogger(Nfs3Rows.class);

    /** A procedure's work; its result is the resok. */
    @FunctionalInterface
    interface Body<A, R> {
        R run(Nfs3Request request, A args) throws Nfs3Failure, VfsException;
    }

    /** A procedure's resfail for {@code status}. Must not throw. */
    @FunctionalInterface
    interface Failure<A, R> {
        R fail(Nfs3Request request, A args, Nfs3Status status);
    }

    private Nfs3Rows() {
    }

    static <A, R> Procedure<A, R> row(Nfs3Context context, int number, String name, XdrReader<A> arguments,
                                      XdrWriter<R> result, CachePolicy cachePolicy, Body<A, R> body,
                                      Failure<A, R> failure) {
        Handler<A, R> handler = (call, args) -> {
            Nfs3Request request = new Nfs3Request(context, call);
            Nfs3Status status;
            // Files the call opens stay open until its reply is built, failure attributes included.
            try (CallScope _ = CallScope.begin()) {
                try {
                    return body.run(request, args);
                } catch (Nfs3Failure e) {
                    status = e.status();
                } catch (VfsException e) {
                    status = Nfs3Errors.of(e.errno());
                    if (status == Nfs3Status.NFS3ERR_SERVERFAULT) {
                        log.warn("{} from {}: {} ({})", name, call.peer().remote(), Errno.name(e.errno()),
                                e.getMessage());
                    }
                }
                return failure.fail(request, args, status);
            }
        };
        return new Procedure<>(number, name, arguments, result, handler, cachePolicy);
    }
}
