package dev.handoff.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.Grace;
import dev.handoff.nlm.state.Harness;
import dev.handoff.nlm.state.PendingGrant;
import dev.handoff.nlm.state.ShareAccess;
import dev.handoff.nlm.state.ShareDeny;
import dev.handoff.nlm.state.Waiter;
import dev.handoff.rpc.xdr.Opaque;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The serializers alone, without a cluster: round trips, canonical bytes, truncation and oversized lengths. */
class StateSerializationTest {
    /** Hazelcast's heap data starts with a partition hash and the type id, 4 bytes each. */
    private static final int HEADER = 8;
    private static final Instant T0 = Harness.START;

    private final InternalSerializationService ss = new DefaultSerializationServiceBuilder()
            .setConfig(StateSerialization.register(new SerializationConfig())).build();

    private static FileLocks rich() {
        Waiter w = new Waiter(Harness.parse("w:7 x 100+eof"), Opaque.ofHex("c0ffee"), Opaque.ofHex("0a"), T0);
        return FileLocks.empty(Harness.FILE).withLocks(List.of(Harness.parse("a x 0+10")))
                .withWaiters(List.of(w)).withGrants(List.of(new PendingGrant(w, T0.plusNanos(1))))
                .withShares(List.of(Harness.share("b", ShareAccess.READ, ShareDeny.WRITE))).withWakeAt(T0).withVersion(9);
    }

    private static List<Object> values() {
        return List.of(rich(), Harness.FILE, HazelcastReplyCacheTest.key(77),
                new ReplyEntry.InProgress(UUID.randomUUID(), T0), new ReplyEntry.Done(Opaque.ofHex("01020304")),
                Grace.start(T0, Duration.ofSeconds(90), Set.of("x", "y")).reclaimBy("x"), Grace.NONE,
                FileLocks.empty(Harness.OTHER_FILE));
    }

    @Test
    void everyValueComesBackEqual() {
        for (Object v : values()) {
            Object read = ss.toObject(ss.toData(v));
            assertThat(read).isEqualTo(v);
        }
    }

    @Test
    void equalGraceValuesGiveEqualBytesWhateverTheirSetsOrder() {
        Set<String> forward = new LinkedHashSet<>(List.of("a", "b", "c", "d"));
        Set<String> backward = new LinkedHashSet<>(List.of("d", "c", "b", "a"));
        Data one = ss.toData(new Grace(T0, forward, Set.of()));
        Data two = ss.toData(new Grace(T0, backward, Set.of()));
        assertThat(one.toByteArray()).isEqualTo(two.toByteArray());
    }

    @Test
    void everyTruncationIsRefused() {
        List<String> accepted = new ArrayList<>();
        for (Object v : values()) {
            byte[] whole = ss.toData(v).toByteArray();
            for (int cut = HEADER; cut < whole.length; cut++) {
                try {
                    Object read = ss.toObject(new HeapData(Arrays.copyOf(whole, cut)));
                    accepted.add(v + " cut at " + cut + " read as " + read);
                } catch (HazelcastSerializationException expected) {
                    // the truncation was noticed
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void aFileKeyLongerThanAnNfsHandleIsRefusedBeforeItIsRead() {
        byte[] header = Arrays.copyOf(ss.toData(Harness.FILE).toByteArray(), HEADER);
        byte[] data = ByteBuffer.allocate(HEADER + 4 + 65).put(header).putInt(65).array();
        assertThatThrownBy(() -> ss.toObject(new HeapData(data)))
                .isInstanceOf(HazelcastSerializationException.class).hasStackTraceContaining("want 0..64");
    }

    @Test
    void aHugeListCountIsRefusedBeforeAnythingIsAllocated() {
        byte[] whole = ss.toData(FileLocks.empty(Harness.FILE)).toByteArray();
        // Header, the file key (int length and one byte), the version: then the count of locks.
        int at = HEADER + 4 + 1 + 8;
        ByteBuffer.wrap(whole).putInt(at, Integer.MAX_VALUE);
        assertThatThrownBy(() -> ss.toObject(new HeapData(whole)))
                .isInstanceOf(HazelcastSerializationException.class).hasStackTraceContaining("list length");
    }

    @Test
    void anUnknownReplyEntryTagIsRefused() {
        byte[] whole = ss.toData(new ReplyEntry.Done(Opaque.EMPTY)).toByteArray();
        whole[HEADER] = 9;
        assertThatThrownBy(() -> ss.toObject(new HeapData(whole)))
                .isInstanceOf(HazelcastSerializationException.class).hasStackTraceContaining("tag 9");
    }

    @Test
    void aFileKeyIsItsBytes() {
        FileKey k = FileKey.ofHex("abcd");
        byte[] whole = ss.toData(k).toByteArray();
        assertThat(Arrays.copyOfRange(whole, HEADER, whole.length)).containsExactly(0, 0, 0, 2, 0xab, 0xcd);
    }
}
