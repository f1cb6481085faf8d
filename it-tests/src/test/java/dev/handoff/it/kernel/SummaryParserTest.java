package dev.handoff.it.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class SummaryParserTest {
    private static final Path OUT = Path.of("/tmp/run");

    /** A two-node VIP move under continuous I/O, as run.sh writes it (IOHIST shortened). */
    private static final List<String> VIP_MOVE = List.of(
            "NODE t_s=0.232 name=server_start node=1 status=up ip=10.0.3.1 secs=0.08 port111=yes",
            "NODE t_s=0.240 name=server_start node=2 status=up ip=10.0.3.2 secs=0.09 port111=yes",
            "GUEST 0 BOOT name=client0 ip=10.0.3.10 server=10.0.3.100 uptime_s=3.71",
            "GUEST 0 IOSTAT ops=11000 errors=0 secs=15.00 ops_per_s=733.3 max_stall_ms=231.5 max_stall_seq=3500"
                    + " max_stall_at_s=5.012 max_gap_ms=232.0 avg_ms=1.20 p50_ms=1.00 p90_ms=1.50 p99_ms=4.10"
                    + " p999_ms=9.00",
            "GUEST 0 IOHIST lt1ms=5000 lt2ms=5900 ge10s=0",
            "GUEST 0 IOVERIFY records=11000 ok=11000 bad=0 unverified=0 secs=0.80",
            "GUEST 0 STALL seq=3500 at_s=5.012 dur_ms=231.5 write_ms=0.1 fsync_ms=231.4",
            "GUEST 0 TEST name=continuous-io rc=0 status=PASS secs=16.20",
            "GUEST 0 RESULT name=client0 status=PASS failed_tests=0 tests=continuous-io uptime_s=20.10",
            "GUEST 0 VERDICT status=PASS qemu_exit=1 boot_s=3.71 wall_s=21.02 client0 ip=10.0.3.10"
                    + " server=10.0.3.100 tests=continuous-io",
            "EVENT t_s=4.100 name=guest_line guest=0 pattern=IOTEST_start",
            "EVENT t_s=9.970 name=vip_move vip=10.0.3.100 from=1 to=2 mode=plain ms=16.5",
            "HOST_SCRIPT rc=0 log=/tmp/run/host-script.log",
            "TIMING servers_s=0.09 guests_s=21.10 total_s=21.40 accel=tcg kernel=6.1.0-56-amd64",
            "RESULT status=PASS guests=1 passed=1 failed=0 host_script=0 out=/tmp/run");

    @Test
    void parsesVerdictsTestsIostatAndEvents() {
        KernelClientResult r = SummaryParser.parse(0, OUT, VIP_MOVE, List.of());

        assertThat(r.passed()).isTrue();
        assertThat(r.nodes()).extracting(e -> e.value("node").orElseThrow()).containsExactly("1", "2");
        GuestResult g = r.guest(0);
        assertThat(g.verdict()).isEqualTo(Verdict.PASS);
        assertThat(g.qemuExit()).isEqualTo(1);
        assertThat(g.bootSeconds()).hasValue(3.71);
        assertThat(g.wallSeconds()).hasValue(21.02);
        assertThat(g.test("continuous-io")).isEqualTo(new TestOutcome("continuous-io", 0, true, 16.2));
        assertThat(g.iostat("max_stall_ms")).hasValue(231.5);
        assertThat(g.iostat("p99_ms")).hasValue(4.1);
        assertThat(g.ioverify("bad")).hasValue(0);
        assertThat(g.lines("STALL")).hasSize(1);
        Event move = r.event("vip_move").orElseThrow();
        assertThat(move.atSeconds()).isEqualTo(9.97);
        assertThat(move.number("ms")).hasValue(16.5);
        assertThat(move.value("mode")).hasValue("plain");
        assertThat(r.hostScriptRc()).hasValue(0);
        assertThat(r.timing("total_s")).hasValue(21.4);
    }

    @Test
    void failingAndTimedOutGuestsKeepTheirOwnVerdictsAndMetrics() {
        List<String> lines = List.of(
                "NODE t_s=0.1 name=server_start node=1 status=up ip=10.0.3.1 secs=0.05 port111=yes",
                "GUEST 0 BOOT name=client0 ip=10.0.3.10 server=10.0.3.1 uptime_s=3.5",
                "GUEST 0 METRIC name=reach_ping_ms node=10.0.3.1 value=0.9",
                "GUEST 0 METRIC name=reach_ping_ms node=10.0.3.2 value=1.1",
                "GUEST 0 TEST name=reach rc=0 status=PASS secs=1.0",
                "GUEST 0 TEST name=nosuch rc=127 status=FAIL secs=0.00",
                "GUEST 0 VERDICT status=FAIL qemu_exit=3 boot_s=3.5 wall_s=5.0 client0 ip=10.0.3.10",
                "GUEST 1 VERDICT status=TIMEOUT qemu_exit=124 boot_s=? wall_s=60.0 client1 ip=10.0.3.11",
                "TIMING servers_s=0.05 guests_s=60.1 total_s=60.3 accel=tcg kernel=6.1.0-56-amd64",
                "RESULT status=FAIL guests=2 passed=0 failed=2 host_script=none out=/tmp/run");

        KernelClientResult r = SummaryParser.parse(1, OUT, lines, List.of());

        assertThat(r.passed()).isFalse();
        assertThat(r.status()).isEqualTo("FAIL");
        assertThat(r.guest(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.guest(0).test("nosuch").rc()).isEqualTo(127);
        assertThat(r.guest(0).test("reach").passed()).isTrue();
        assertThat(r.guest(0).metrics("reach_ping_ms")).containsExactly(0.9, 1.1);
        assertThat(r.guest(0).metric("reach_ping_ms")).hasValue(1.1);
        assertThat(r.guest(1).verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(r.guest(1).bootSeconds()).isEmpty();
        assertThat(r.guest(1).tests()).isEmpty();
        assertThat(r.hostScriptRc()).isEmpty();
        assertThatThrownBy(() -> r.guest(1).test("reach")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void missingSummaryIsAnErrorThatShowsTheRunnersLastOutput() {
        KernelClientResult r = SummaryParser.parse(2, OUT, List.of(),
                List.of("kernel-client: ERROR: no guest kernel in /var/cache/handoff-kernel-client"));

        assertThat(r.passed()).isFalse();
        assertThat(r.status()).isEqualTo("ERROR");
        assertThat(r.guests()).isEmpty();
        assertThat(r.describe()).contains("exit=2", "no guest kernel");
        assertThatThrownBy(() -> r.guest(0)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void unknownAndMalformedLinesAreKeptButIgnored() {
        List<String> lines = List.of("", "FUTURE thing=1", "GUEST x TEST name=a", "GUEST 0",
                "RESULT status=PASS guests=0 passed=0 failed=0");

        KernelClientResult r = SummaryParser.parse(0, OUT, lines, List.of());

        assertThat(r.guests()).isEmpty();
        assertThat(r.summary()).extracting(SummaryLine::keyword).containsExactly("FUTURE", "GUEST", "GUEST", "RESULT");
        assertThat(r.passed()).isTrue();
    }
}
