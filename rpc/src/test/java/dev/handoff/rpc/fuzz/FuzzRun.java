package dev.handoff.rpc.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Budget and totals of one fuzz target (one {@code *FuzzTest} class, registered as a static extension).
 *
 * <p>Budget: Jazzer fuzzes only when JAZZER_FUZZ is set (the build's "fuzz" Surefire execution), for
 * {@code jazzer.max_duration}; unless that is given, this sets it from {@code handoff.long}: the long form
 * fuzzes {@code handoff.fuzz.long.duration} (2m), the default run {@code handoff.fuzz.duration} (10s).
 *
 * <p>Hangs: each input has {@value #INPUT_TIMEOUT_SECONDS} s. While fuzzing that is libFuzzer's
 * {@code -timeout} (a slow input is a finding, written next to the seeds as {@code timeout-*}); replaying the
 * seeds, a JUnit timeout per input. JUnit's {@code @Timeout} cannot serve both: it would bound the whole
 * fuzzing run, which Jazzer executes as one test invocation.
 *
 * <p>Totals: after a fuzzing run, the target's executions go to {@code <totals>/fuzz-parts/<target>.part} and
 * the module's sum to {@code <totals>/Fuzz-<module>.json}, which the long-form test command prints. Parts are
 * rewritten by each run of their target, so the sum is always over the latest run of each.
 */
public final class FuzzRun implements BeforeAllCallback, AfterAllCallback, TestWatcher, InvocationInterceptor {
    static final int INPUT_TIMEOUT_SECONDS = 5;

    private final String module;
    private final AtomicLong executions = new AtomicLong();
    private volatile boolean failed;

    public FuzzRun(String module) {
        this.module = module;
    }

    /** Counts one execution of the target; call at the start of each. */
    public void count() {
        executions.incrementAndGet();
    }

    public static boolean fuzzing() {
        String v = System.getenv("JAZZER_FUZZ");
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty("jazzer.max_duration") == null) {
            boolean isLong = Boolean.getBoolean("handoff.long");
            System.setProperty("jazzer.max_duration", isLong
                    ? System.getProperty("handoff.fuzz.long.duration", "2m")
                    : System.getProperty("handoff.fuzz.duration", "10s"));
        }
        // Jazzer's pass-through of libFuzzer flags (argv[0], then flags), the only one its JUnit mode has; it reads
        // them as JUnit configuration parameters, which fall back to system properties when read.
        if (fuzzing() && System.getProperty("jazzer.internal.arg.0") == null) {
            System.setProperty("jazzer.internal.arg.0", "jazzer");
            System.setProperty("jazzer.internal.arg.1", "-timeout=" + INPUT_TIMEOUT_SECONDS);
        }
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        if (fuzzing()) {
            invocation.proceed();
        } else {
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(INPUT_TIMEOUT_SECONDS), () -> {
                invocation.proceed();
            });
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        String dir = System.getProperty("handoff.totals.dir");
        if (!fuzzing() || dir == null) {
            return;
        }
        Path parts = Files.createDirectories(Path.of(dir, "fuzz-parts"));
        Properties part = new Properties();
        part.setProperty("module", module);
        part.setProperty("executions", Long.toString(executions.get()));
        part.setProperty("anomalies", failed ? "1" : "0");
        try (var out = Files.newBufferedWriter(parts.resolve(context.getRequiredTestClass().getSimpleName() + ".part"))) {
            part.store(out, null);
        }
        long total = 0;
        long anomalies = 0;
        int targets = 0;
        try (Stream<Path> files = Files.list(parts)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".part")).toList()) {
                Properties p = load(f);
                if (module.equals(p.getProperty("module"))) {
                    targets++;
                    total += Long.parseLong(p.getProperty("executions", "0"));
                    anomalies += Long.parseLong(p.getProperty("anomalies", "0"));
                }
            }
        }
        Files.writeString(Path.of(dir, "Fuzz-" + module + ".json"), String.format(
                "{\"test\":\"Fuzz-%s\",\"fuzz_executions\":%d,\"targets\":%d,\"anomalies\":%d}%n",
                module, total, targets, anomalies));
    }

    private static Properties load(Path f) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(f)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
