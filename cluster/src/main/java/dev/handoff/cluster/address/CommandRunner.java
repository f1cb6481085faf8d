package dev.handoff.cluster.address;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion; an interface so that error handling is tested without root. */
@FunctionalInterface
public interface CommandRunner {

    /** How a command ended. */
    record Result(int exit, String stdout, String stderr) {
    }

    /** Runs {@code command}; throws when it cannot be started or does not end in time. */
    Result run(List<String> command) throws IOException;

    /** Runs commands as child processes, killing one that takes longer than {@code timeout}. */
    static CommandRunner system(Duration timeout) {
        return command -> {
            Process p = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            // Read stderr on its own thread: a child blocked writing one pipe would never close the other.
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()),
                    Thread::startVirtualThread);
            String out = drain(p.getInputStream());
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(String.join(" ", command) + " did not finish within " + timeout);
                }
                return new Result(p.exitValue(), out, err.join());
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + String.join(" ", command), e);
            }
        };
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
