package dev.handoff.nsm.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.handoff.nsm.NsmConfig;
import dev.handoff.nsm.NsmProgram;
import dev.handoff.nsm.NsmService;
import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.notify.RetryPolicy;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.store.NsmStore;
import dev.handoff.nsm.testing.ManualClock;
import dev.handoff.nsm.testing.ManualScheduler;
import dev.handoff.nsm.testing.RecordingSender;
import dev.handoff.rpc.fuzz.FuzzLeaks;
import dev.handoff.rpc.fuzz.FuzzRun;
import dev.handoff.rpc.fuzz.ProgramArguments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every argument reader of NSM version 1 (XNFS chapter 11), from the program's own table. */
@Tag("long-form")
class NsmArgumentsFuzzTest {
    static {
        FuzzLeaks.install();
    }

    @RegisterExtension
    static final FuzzRun RUN = new FuzzRun("nsm");
    private static final ProgramArguments NSM = new ProgramArguments(NsmProgram.create(service()));

    private static NsmService service() {
        ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
        Notifier notifier = new Notifier(new RecordingSender(clock), new ManualScheduler(clock), clock,
                RetryPolicy.defaults());
        try {
            return NsmService.start(NsmConfig.defaults(ServerName.host("nfs.example")), NsmStore.inMemory(), notifier,
                    clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void argumentsDecodeOrAreRefused(byte[] input) {
        RUN.count();
        NSM.decode(input);
        FuzzLeaks.assertNone();
    }
}
