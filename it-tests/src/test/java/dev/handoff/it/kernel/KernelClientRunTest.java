package dev.handoff.it.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java side of a run against a stand-in run.sh: process, environment, output, summary, deadline. */
class KernelClientRunTest {
    @TempDir
    Path tmp;

    private KernelClientRunBuilder runWith(String runnerBody) throws IOException {
        Path kit = Files.createDirectories(tmp.resolve("kit"));
        Path runner = kit.resolve("run.sh");
        Files.writeString(runner, "#!/bin/bash\nout=$2\n" + runnerBody);
        Files.setPosixFilePermissions(runner, PosixFilePermissions.fromString("rwxr-xr-x"));
        return KernelClientRun.builder("fake").kitDir(kit).outDir(tmp.resolve("out")).workingDir(tmp)
                .serverCommand("serve &").guest("reach");
    }

    @Test
    void runsTheRunnerInTheWorkingDirectoryAndParsesItsSummary() throws IOException {
        KernelClientResult r = runWith("""
                echo "progress: server command '$SERVER_CMD' in $PWD"
                printf 'GUEST 0 TEST name=reach rc=0 status=PASS secs=1.0\\n' > "$out/summary.txt"
                printf 'GUEST 0 VERDICT status=PASS qemu_exit=1 boot_s=2.5 wall_s=4.0\\n' >> "$out/summary.txt"
                printf 'RESULT status=PASS guests=1 passed=1 failed=0\\n' >> "$out/summary.txt"
                """).build().run();

        assertThat(r.passed()).as(r::describe).isTrue();
        assertThat(r.outDir()).isEqualTo(tmp.resolve("out"));
        assertThat(r.guest(0).test("reach").passed()).isTrue();
        assertThat(r.outputTail()).containsExactly("progress: server command 'serve &' in " + tmp);
    }

    @Test
    void runnerWithoutSummaryGivesAnErrorCarryingItsOutput() throws IOException {
        KernelClientResult r = runWith("echo 'kernel-client: ERROR: no guest kernel' >&2; exit 2").build().run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.status()).isEqualTo("ERROR");
        assertThat(r.describe()).contains("no guest kernel");
    }

    @Test
    void summaryLeftFromAnEarlierRunInTheSameDirectoryIsNotTrusted() throws IOException {
        KernelClientRunBuilder b = runWith("exit 2");
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/summary.txt"), "RESULT status=PASS\n");

        assertThat(b.build().run().passed()).isFalse();
    }

    @Test
    void runnerPastItsDeadlineIsKilledWithWhatItStarted() throws IOException {
        long started = System.nanoTime();
        KernelClientResult r = runWith("echo started; sleep 60 & wait").deadline(Duration.ofMillis(500)).build().run();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(r.passed()).isFalse();
        assertThat(r.outputTail()).contains("started").anyMatch(l -> l.contains("killed"));
    }
}
