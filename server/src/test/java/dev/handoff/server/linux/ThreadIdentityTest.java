package dev.handoff.server.linux;

import static dev.handoff.server.linux.OpenFlags.O_CREAT;
import static dev.handoff.server.linux.OpenFlags.O_DIRECTORY;
import static dev.handoff.server.linux.OpenFlags.O_EXCL;
import static dev.handoff.server.linux.OpenFlags.O_RDONLY;
import static dev.handoff.server.linux.OpenFlags.O_WRONLY;
import static dev.handoff.server.linux.TestFiles.assertErrno;
import static dev.handoff.server.linux.TestFiles.b;
import static dev.handoff.server.linux.TestFiles.open;
import static dev.handoff.server.linux.TestFiles.openDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadIdentityTest {
    private static final int CREATE = O_WRONLY | O_CREAT | O_EXCL;

    @TempDir
    Path tmp;
    Fd base;

    @BeforeEach
    void prepareDirectories() throws ErrnoException {
        TestFiles.assumeRoot();
        base = openDir(tmp);
        LinuxAttrs.fchmod(base, 0755); // @TempDir makes 0700, which uid 1000 could not even search
        LinuxFs.mkdirat(base, b("root-only"), 0755);
        LinuxFs.mkdirat(base, b("shared"), 0777);
        LinuxAttrs.fchmodat(base, b("shared"), 0777, 0); // past the umask
    }

    @AfterEach
    void closeBase() throws ErrnoException {
        if (base != null) {
            base.close();
        }
    }

    /** What the worker saw while it ran as uid 1000, reported back to the test thread. */
    record Seen(int rootOnlyErrno, Statx created, String fsIdsWhileSwitched, int fsuidAfterClose) {}

    @Test
    void aWorkerCreatesFilesAsTheCallerWhileAnotherThreadStaysRoot() throws Exception {
        CountDownLatch switched = new CountDownLatch(1);
        CountDownLatch mainDone = new CountDownLatch(1);
        try (Fd rootOnly = open(base, "root-only", O_RDONLY | O_DIRECTORY);
                Fd shared = open(base, "shared", O_RDONLY | O_DIRECTORY)) {
            FutureTask<Seen> worker = new FutureTask<>(() -> {
                Seen seen;
                try (ThreadIdentity _ = ThreadIdentity.switchTo(1000, 1000, new int[] {1000})) {
                    int denied = errnoOf(() -> LinuxFs.openat(rootOnly, b("by-1000"), CREATE, 0644).close());
                    Statx created;
                    try (Fd f = LinuxFs.openat(shared, b("by-1000"), CREATE, 0644)) {
                        created = LinuxAttrs.statx(f);
                    }
                    String ids = threadStatus("Uid:") + " / " + threadStatus("Gid:");
                    switched.countDown();
                    // Stay switched while the test thread works, so that both identities are live at once.
                    assertThat(mainDone.await(10, TimeUnit.SECONDS)).isTrue();
                    seen = new Seen(denied, created, ids, -1);
                }
                return new Seen(seen.rootOnlyErrno(), seen.created(), seen.fsIdsWhileSwitched(),
                        ThreadIdentity.currentFsuid());
            });
            Thread.ofPlatform().name("identity-worker").start(worker);

            assertThat(switched.await(10, TimeUnit.SECONDS)).isTrue();
            try (Fd f = LinuxFs.openat(rootOnly, b("by-root"), CREATE, 0644)) {
                assertThat(LinuxAttrs.statx(f).uid()).isZero();
            }
            assertThat(ThreadIdentity.currentFsuid()).isZero();
            assertThat(threadStatus("Uid:")).isEqualTo("0\t0\t0\t0");
            mainDone.countDown();
            Seen seen = worker.get(10, TimeUnit.SECONDS);

            assertThat(Errno.name(seen.rootOnlyErrno())).isEqualTo("EACCES");
            assertThat(seen.created().uid()).isEqualTo(1000);
            assertThat(seen.created().gid()).isEqualTo(1000);
            // real, effective, saved, fs: only the fs ids moved.
            assertThat(seen.fsIdsWhileSwitched()).isEqualTo("0\t0\t0\t1000 / 0\t0\t0\t1000");
            assertThat(seen.fsuidAfterClose()).isZero();
        }
    }

    @Test
    void supplementaryGroupsGrantAccessToGroupDirectories() throws Exception {
        LinuxFs.mkdirat(base, b("team"), 0770);
        LinuxAttrs.fchmodat(base, b("team"), 0770, 0);
        LinuxAttrs.fchownat(base, b("team"), 0, 2000, 0);
        try (Fd team = open(base, ".", O_RDONLY | O_DIRECTORY)) {
            try (ThreadIdentity _ = ThreadIdentity.switchTo(1000, 1000, new int[] {1000, 2000})) {
                LinuxFs.mkdirat(team, b("team/member-made"), 0755);
            }
            try (ThreadIdentity _ = ThreadIdentity.switchTo(1000, 1000, new int[] {1000})) {
                assertErrno(Errno.EACCES, () -> LinuxFs.mkdirat(team, b("team/outsider-made"), 0755));
            }
        }
        assertThat(TestFiles.stat(base, "team/member-made").gid()).isEqualTo(1000);
    }

    @Test
    void closeRestoresTheThreadsGroupsAndIdsAndIsIdempotent() throws Exception {
        String groupsBefore = threadStatus("Groups:");
        ThreadIdentity as = ThreadIdentity.switchTo(4242, 4343, new int[] {5, 6, 7});
        try {
            assertThat(ThreadIdentity.currentFsuid()).isEqualTo(4242);
            assertThat(ThreadIdentity.currentFsgid()).isEqualTo(4343);
            assertThat(threadStatus("Groups:")).isEqualTo("5 6 7");
        } finally {
            as.close();
        }
        as.close();

        assertThat(ThreadIdentity.currentFsuid()).isZero();
        assertThat(ThreadIdentity.currentFsgid()).isZero();
        assertThat(threadStatus("Groups:")).isEqualTo(groupsBefore);
        assertThat(Capabilities.current().hasDacReadSearch()).isTrue();
    }

    /**
     * The thread's ids and groups are remembered between switches, so that a call repeats no system call whose
     * answer is known: the kernel's view must still follow every nesting, including switches that change only
     * one of the three and switches to what the thread already is.
     */
    @Test
    void nestedAndPartialSwitchesLeaveTheKernelWhereEachCloseSaysWithoutRereadingIt() throws Exception {
        String groupsBefore = threadStatus("Groups:");
        try (ThreadIdentity outer = ThreadIdentity.switchTo(4242, 4343, new int[] {5})) {
            try (ThreadIdentity same = ThreadIdentity.switchTo(4242, 4343, new int[] {5})) {
                assertThat(ThreadIdentity.currentFsuid()).isEqualTo(4242);
            }
            assertThat(ThreadIdentity.currentFsuid()).isEqualTo(4242);
            try (ThreadIdentity gidOnly = ThreadIdentity.switchTo(4242, 77, new int[] {5})) {
                assertThat(ThreadIdentity.currentFsgid()).isEqualTo(77);
                assertThat(ThreadIdentity.currentFsuid()).isEqualTo(4242);
                try (ThreadIdentity groupsOnly = ThreadIdentity.switchTo(4242, 77, new int[] {8, 9})) {
                    assertThat(threadStatus("Groups:")).isEqualTo("8 9");
                }
                assertThat(threadStatus("Groups:")).isEqualTo("5");
            }
            assertThat(ThreadIdentity.currentFsgid()).isEqualTo(4343);
            try (ThreadIdentity root = ThreadIdentity.switchTo(0, 0, new int[0])) {
                assertThat(ThreadIdentity.currentFsuid()).isZero();
                assertThat(Capabilities.current().hasDacReadSearch()).isTrue();
            }
            assertThat(ThreadIdentity.currentFsuid()).isEqualTo(4242);
        }
        assertThat(ThreadIdentity.currentFsuid()).isZero();
        assertThat(ThreadIdentity.currentFsgid()).isZero();
        assertThat(threadStatus("Groups:")).isEqualTo(groupsBefore);
    }

    /**
     * A server running as a user of its own (a container's uid 10001 with file capabilities) serves a root client
     * under no_root_squash: its thread goes to fsuid 0 and back, and the kernel drops the file-system capabilities
     * on the way back. Without DAC_READ_SEARCH every later call on that thread failed (open_by_handle_at: EPERM).
     */
    @Test
    void aServerRunningAsItselfKeepsItsCapabilitiesAfterServingRoot() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                long full = Capabilities.current().effective();
                try (ThreadIdentity server = ThreadIdentity.switchTo(10001, 10001, new int[0])) {
                    Capabilities.restoreEffective(full); // as a server started as uid 10001 with its capabilities
                    boolean before = Capabilities.current().hasDacReadSearch();
                    try (ThreadIdentity root = ThreadIdentity.switchTo(0, 0, new int[0])) {
                        LinuxFs.mkdirat(base, b("made-by-root"), 0755);
                    }
                    seen.set(before + " " + ThreadIdentity.currentFsuid() + " "
                            + Capabilities.current().hasDacReadSearch());
                }
            } catch (ErrnoException e) {
                seen.set(e.toString());
            }
        });
        worker.join(10_000);
        assertThat(seen.get()).as("DAC_READ_SEARCH before, fsuid and DAC_READ_SEARCH after the root call")
                .isEqualTo("true 10001 true");
    }

    @Test
    void refusesTheIdThatTheKernelTreatsAsAQuery() {
        assertErrno(Errno.EINVAL, () -> ThreadIdentity.switchTo(-1, 1000, new int[0]));
        assertErrno(Errno.EINVAL, () -> ThreadIdentity.switchTo(1000, -1, new int[0]));
        assertThat(ThreadIdentity.currentFsuid()).isZero();
    }

    @Test
    void switchesToLargeUnsignedIds() throws Exception {
        int nobody = (int) 4_294_967_294L; // 65534 is common, but AUTH_SYS may carry any 32-bit id
        try (ThreadIdentity _ = ThreadIdentity.switchTo(nobody, nobody, new int[] {nobody})) {
            assertThat(Integer.toUnsignedLong(ThreadIdentity.currentFsuid())).isEqualTo(4_294_967_294L);
        }
        assertThat(ThreadIdentity.currentFsuid()).isZero();
    }

    @Test
    void refusesVirtualThreadsWhichMayChangeCarrier() throws Exception {
        FutureTask<Throwable> task = new FutureTask<>(() -> {
            try (ThreadIdentity _ = ThreadIdentity.switchTo(1000, 1000, new int[0])) {
                return null;
            } catch (IllegalStateException expected) {
                return expected;
            }
        });
        Thread.ofVirtual().start(task);

        assertThat(task.get(10, TimeUnit.SECONDS)).hasMessageContaining("platform thread");
    }

    @Test
    void refusesToBeClosedFromAnotherThread() throws Exception {
        FutureTask<ThreadIdentity> task = new FutureTask<>(() -> ThreadIdentity.switchTo(1000, 1000, new int[0]));
        Thread other = Thread.ofPlatform().start(task);
        ThreadIdentity foreign = task.get(10, TimeUnit.SECONDS);
        other.join(); // the thread has ended with the identity still set; nothing else runs on it

        assertThatThrownBy(foreign::close).isInstanceOf(IllegalStateException.class);
        assertThat(ThreadIdentity.currentFsuid()).isZero();
    }

    private interface Action {
        void run() throws ErrnoException;
    }

    private static int errnoOf(Action action) {
        try {
            action.run();
            return 0;
        } catch (ErrnoException e) {
            return e.errno();
        }
    }

    /** A line of /proc/thread-self/status, where the kernel shows this thread's own credentials. */
    private static String threadStatus(String key) throws IOException {
        return Files.readAllLines(Path.of("/proc/thread-self/status")).stream()
                .filter(line -> line.startsWith(key))
                .map(line -> line.substring(key.length()).strip())
                .findFirst()
                .orElseThrow();
    }
}
