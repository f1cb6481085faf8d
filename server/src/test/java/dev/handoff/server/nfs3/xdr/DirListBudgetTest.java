package dev.handoff.server.nfs3.xdr;

import static dev.handoff.server.nfs3.xdr.Nfs3Samples.DIR_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.LONGEST;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.VERF;
import static dev.handoff.server.nfs3.xdr.XdrTesting.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirListBudgetTest {
    private static final PostOpAttr DIR = PostOpAttr.of(DIR_ATTRS);

    /** Names of every length modulo 4 so that padding is exercised. */
    private static List<Entry3> entries(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new Entry3(1000 + i, Filename3.of("f" + "x".repeat(i % 7)), i + 1))
                .toList();
    }

    private static List<EntryPlus3> plusEntries(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new EntryPlus3(1000 + i, Filename3.of("file-" + i), i + 1,
                        i % 3 == 0 ? PostOpAttr.NONE : PostOpAttr.of(FILE_ATTRS),
                        i % 2 == 0 ? FILE : (i % 5 == 0 ? null : LONGEST)))
                .toList();
    }

    private static int readdirSize(PostOpAttr dir, List<Entry3> entries) {
        return encode(ReaddirCodec::writeReaddirResult, new ReaddirResult.Ok(dir, VERF, entries, true)).length;
    }

    private static int readdirplusSize(List<EntryPlus3> entries) {
        return encode(ReaddirCodec::writeReaddirplusResult,
                new ReaddirplusResult.Ok(DIR, VERF, entries, true)).length;
    }

    @Test
    void theEstimatesAreTheEncodedSizes() {
        assertThat(readdirSize(DIR, List.of())).isEqualTo(DirListBudget.overhead(DIR));
        assertThat(readdirSize(PostOpAttr.NONE, List.of())).isEqualTo(DirListBudget.overhead(PostOpAttr.NONE));
        List<Entry3> entries = entries(20);
        assertThat(readdirSize(DIR, entries))
                .isEqualTo(DirListBudget.overhead(DIR) + entries.stream().mapToInt(Entry3::encodedSize).sum());
        List<EntryPlus3> plus = plusEntries(20);
        assertThat(readdirplusSize(plus))
                .isEqualTo(DirListBudget.overhead(DIR) + plus.stream().mapToInt(EntryPlus3::encodedSize).sum());
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 256, 512, 1000, 1024, 4096})
    void aFilledReaddirPageNeverExceedsTheCountAndTheNextEntryWouldHave(int count) {
        List<Entry3> all = entries(500);
        DirListBudget budget = DirListBudget.readdir(count, DIR);
        List<Entry3> page = budget.fill(all.iterator());
        assertThat(budget.eof()).isFalse();
        assertThat(page).isEqualTo(all.subList(0, page.size()));
        assertThat(budget.entries()).isEqualTo(page.size());
        int size = readdirSize(DIR, page);
        assertThat(size).isLessThanOrEqualTo(count).isEqualTo((int) budget.bytes());
        assertThat(size + all.get(page.size()).encodedSize()).isGreaterThan(count);
    }

    @Test
    void anEntryThatFillsTheCountExactlyFits() {
        List<Entry3> all = entries(3);
        int exact = readdirSize(DIR, all);
        DirListBudget budget = DirListBudget.readdir(exact, DIR);
        assertThat(budget.fill(all.iterator())).hasSize(3);
        assertThat(budget.eof()).isTrue();
        DirListBudget oneShort = DirListBudget.readdir(exact - 1, DIR);
        assertThat(oneShort.fill(all.iterator())).hasSize(2);
        assertThat(oneShort.eof()).isFalse();
    }

    @Test
    void eofOnlyWhenTheDirectoryRanOutWithEveryEntryTaken() {
        DirListBudget budget = DirListBudget.readdir(1 << 20, DIR);
        assertThat(budget.fill(entries(10).iterator())).hasSize(10);
        assertThat(budget.eof()).isTrue();
        DirListBudget empty = DirListBudget.readdir(1 << 20, PostOpAttr.NONE);
        assertThat(empty.fill(List.<Entry3>of().iterator())).isEmpty();
        assertThat(empty.eof()).as("an empty directory is at eof").isTrue();
    }

    @Test
    void aCountTooSmallForOneEntryGivesAnEmptyPageNotAtEof() {
        DirListBudget budget = DirListBudget.readdir(DirListBudget.overhead(DIR) + 8, DIR);
        assertThat(budget.fill(entries(3).iterator())).isEmpty();
        assertThat(budget.eof()).as("the handler answers NFS3ERR_TOOSMALL").isFalse();
    }

    @Test
    void aRefusedEntryClosesThePageSoThatNoEntryIsSkipped() {
        Entry3 big = new Entry3(1, Filename3.of("b".repeat(200)), 1);
        Entry3 small = new Entry3(2, Filename3.of("s"), 2);
        DirListBudget budget = DirListBudget.readdir(DirListBudget.overhead(DIR) + 100, DIR);
        assertThat(budget.tryAdd(big)).isFalse();
        assertThat(budget.tryAdd(small)).as("fits, but would skip the big one").isFalse();
        assertThat(budget.entries()).isZero();
    }

    @Test
    void readdirplusStopsAtMaxcount() {
        List<EntryPlus3> all = plusEntries(100);
        DirListBudget budget = DirListBudget.readdirplus(1 << 20, 2048, DIR);
        List<EntryPlus3> page = budget.fill(all.iterator());
        assertThat(page).isNotEmpty();
        assertThat(readdirplusSize(page)).isLessThanOrEqualTo(2048);
        assertThat(readdirplusSize(all.subList(0, page.size() + 1))).isGreaterThan(2048);
    }

    @Test
    void readdirplusStopsAtDircountCountingNamesAndCookiesOnly() {
        List<EntryPlus3> all = plusEntries(100);
        DirListBudget budget = DirListBudget.readdirplus(256, 1 << 20, DIR);
        List<EntryPlus3> page = budget.fill(all.iterator());
        int directoryBytes = page.stream().mapToInt(EntryPlus3::directorySize).sum();
        assertThat(directoryBytes).isLessThanOrEqualTo(256);
        assertThat(directoryBytes + all.get(page.size()).directorySize()).isGreaterThan(256);
        assertThat(budget.eof()).isFalse();
        List<Entry3> asEntries = new ArrayList<>();
        for (EntryPlus3 e : page) {
            asEntries.add(new Entry3(e.fileid(), e.name(), e.cookie()));
        }
        assertThat(directoryBytes).as("what the same entries take in a READDIR reply")
                .isEqualTo(readdirSize(DIR, asEntries) - DirListBudget.overhead(DIR));
    }
}
