package dev.handoff.server.nfs3;

import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_CREATE;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_GETATTR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_READDIR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_READDIRPLUS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.server.nfs3.xdr.CreateArgs;
import dev.handoff.server.nfs3.xdr.CreateHow3;
import dev.handoff.server.nfs3.xdr.DirOpArgs3;
import dev.handoff.server.nfs3.xdr.Entry3;
import dev.handoff.server.nfs3.xdr.EntryPlus3;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.Filename3;
import dev.handoff.server.nfs3.xdr.GetattrArgs;
import dev.handoff.server.nfs3.xdr.GetattrResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.ReaddirArgs;
import dev.handoff.server.nfs3.xdr.ReaddirCodec;
import dev.handoff.server.nfs3.xdr.ReaddirResult;
import dev.handoff.server.nfs3.xdr.ReaddirplusArgs;
import dev.handoff.server.nfs3.xdr.ReaddirplusResult;
import dev.handoff.server.nfs3.xdr.Sattr3;
import dev.handoff.server.nfs3.xdr.Verifier3;
import dev.handoff.server.vfs.Inode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** READDIR and READDIRPLUS: paging by the client's count, cookies, the verifier, TOOSMALL. */
class ReaddirHandlersTest {
    private final Nfs3Fixture fx = new Nfs3Fixture();
    private Inode dir;
    private FileHandle3 handle;

    @BeforeEach
    void aDirectoryOfTwentyFiles() throws Exception {
        dir = fx.vfs.dir(fx.vfs.root(), "d", 0755, 1000, 1000);
        handle = fx.handle(dir);
        for (int i = 0; i < 20; i++) {
            fx.vfs.file(dir, "file-" + i, "", 0644, 1000, 1000);
        }
    }

    private ReaddirResult readdir(long cookie, Verifier3 verifier, long count) throws Exception {
        return fx.call(NFSPROC3_READDIR, new ReaddirArgs(handle, cookie, verifier, count));
    }

    private static int encodedSize(ReaddirResult result) {
        ByteBuf buf = Unpooled.buffer();
        ReaddirCodec.writeReaddirResult(new XdrEncoder(buf), result);
        return buf.readableBytes();
    }

    @Test
    void oneBigReplyHoldsDotDotDotAndEveryFileAtEof() throws Exception {
        ReaddirResult.Ok ok = (ReaddirResult.Ok) readdir(0, Verifier3.ZERO, 64 * 1024);

        assertThat(ok.entries()).extracting(e -> e.name().asString()).startsWith(".", "..", "file-0")
                .hasSize(22);
        assertThat(ok.eof()).isTrue();
        assertThat(ok.dirAttributes().isPresent()).isTrue();
    }

    @Test
    void smallCountsPageThroughEveryEntryOnceAndNeverExceedTheCount() throws Exception {
        List<String> names = new ArrayList<>();
        long cookie = 0;
        Verifier3 verifier = Verifier3.ZERO;
        int replies = 0;
        while (true) {
            ReaddirResult.Ok ok = (ReaddirResult.Ok) readdir(cookie, verifier, 200);
            assertThat(encodedSize(ok)).isLessThanOrEqualTo(200);
            assertThat(ok.entries()).isNotEmpty();
            ok.entries().forEach(e -> names.add(e.name().asString()));
            replies++;
            if (ok.eof()) {
                break;
            }
            cookie = ok.entries().getLast().cookie();
            verifier = ok.cookieverf();
        }
        assertThat(replies).isGreaterThan(3);
        assertThat(names).hasSize(22).doesNotHaveDuplicates();
    }

    @Test
    void aCountTooSmallForOneEntryIsToosmall() throws Exception {
        ReaddirResult result = readdir(0, Verifier3.ZERO, 100);

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_TOOSMALL);
        assertThat(result.dirAttributes().isPresent()).isTrue();
    }

    @Test
    void theVerifierStaysWhileTheDirectoryChangesSoAListingCanGoOn() throws Exception {
        ReaddirResult.Ok first = (ReaddirResult.Ok) readdir(0, Verifier3.ZERO, 300);
        fx.call(NFSPROC3_CREATE, new CreateArgs(new DirOpArgs3(handle, Filename3.of("late")),
                new CreateHow3.Guarded(Sattr3.NONE)));
        ReaddirResult next = readdir(first.entries().getLast().cookie(), first.cookieverf(), 64 * 1024);

        assertThat(first.cookieverf()).isNotEqualTo(Verifier3.ZERO);
        assertThat(next).isInstanceOf(ReaddirResult.Ok.class);
        assertThat(((ReaddirResult.Ok) next).cookieverf()).isEqualTo(first.cookieverf());
        assertThat(((ReaddirResult.Ok) next).entries()).extracting(e -> e.name().asString()).endsWith("late");
    }

    @Test
    void aResumedListingWithAnotherVerifierIsBadCookieButZeroIsAccepted() throws Exception {
        ReaddirResult.Ok first = (ReaddirResult.Ok) readdir(0, Verifier3.ZERO, 300);
        long cookie = first.entries().getLast().cookie();

        ReaddirResult wrong = readdir(cookie, new Verifier3(first.cookieverf().value() + 1), 4096);
        ReaddirResult zero = readdir(cookie, Verifier3.ZERO, 4096);
        ReaddirResult fresh = readdir(0, new Verifier3(12345), 4096);

        assertThat(wrong.status()).isEqualTo(Nfs3Status.NFS3ERR_BAD_COOKIE);
        assertThat(zero.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(fresh.status()).isEqualTo(Nfs3Status.NFS3_OK);
    }

    @Test
    void readdirOfAFileIsNotdirAndWithoutReadPermissionAcces() throws Exception {
        Inode file = fx.vfs.lookup(FakeVfs.ROOT, dir, FakeVfs.name("file-0"));
        Inode closed = fx.vfs.dir(fx.vfs.root(), "closed", 0311, 2000, 2000);

        ReaddirResult notDir = fx.call(NFSPROC3_READDIR, new ReaddirArgs(fx.handle(file), 0, Verifier3.ZERO, 4096));
        ReaddirResult denied = fx.call(NFSPROC3_READDIR, new ReaddirArgs(fx.handle(closed), 0, Verifier3.ZERO,
                4096));

        assertThat(notDir.status()).isEqualTo(Nfs3Status.NFS3ERR_NOTDIR);
        assertThat(denied.status()).isEqualTo(Nfs3Status.NFS3ERR_ACCES);
    }

    @Test
    void readdirplusGivesHandlesThatWorkAndTheirAttributes() throws Exception {
        ReaddirplusResult result = fx.call(NFSPROC3_READDIRPLUS,
                new ReaddirplusArgs(handle, 0, Verifier3.ZERO, 8192, 64 * 1024));

        ReaddirplusResult.Ok ok = (ReaddirplusResult.Ok) result;
        assertThat(ok.eof()).isTrue();
        EntryPlus3 third = ok.entries().get(2);
        assertThat(third.name().asString()).isEqualTo("file-0");
        GetattrResult attributes = fx.call(NFSPROC3_GETATTR, new GetattrArgs(third.nameHandle()));
        assertThat(((GetattrResult.Ok) attributes).attributes()).isEqualTo(third.nameAttributes().attributes());
        assertThat(ok.entries().getFirst().nameHandle()).isEqualTo(handle);
    }

    @Test
    void readdirplusStopsAtDircountAsWellAsMaxcount() throws Exception {
        ReaddirplusResult byDircount = fx.call(NFSPROC3_READDIRPLUS,
                new ReaddirplusArgs(handle, 0, Verifier3.ZERO, 100, 64 * 1024));
        ReaddirplusResult byMaxcount = fx.call(NFSPROC3_READDIRPLUS,
                new ReaddirplusArgs(handle, 0, Verifier3.ZERO, 64 * 1024, 600));
        ReaddirplusResult tooSmall = fx.call(NFSPROC3_READDIRPLUS,
                new ReaddirplusArgs(handle, 0, Verifier3.ZERO, 64 * 1024, 200));

        assertThat(((ReaddirplusResult.Ok) byDircount).entries()).hasSize(3);
        assertThat(((ReaddirplusResult.Ok) byDircount).eof()).isFalse();
        assertThat(((ReaddirplusResult.Ok) byMaxcount).entries()).hasSizeBetween(1, 3);
        assertThat(tooSmall.status()).isEqualTo(Nfs3Status.NFS3ERR_TOOSMALL);
    }

    @Test
    void entriesCarryTheFileSystemsCookiesAndFileIds() throws Exception {
        ReaddirResult.Ok ok = (ReaddirResult.Ok) readdir(0, Verifier3.ZERO, 64 * 1024);

        Entry3 first = ok.entries().get(2);
        assertThat(first.fileid()).isEqualTo(fx.vfs.getattr(fx.vfs.lookup(FakeVfs.ROOT, dir,
                FakeVfs.name("file-0"))).fileId());
        assertThat(ok.entries()).extracting(Entry3::cookie).isSorted().doesNotHaveDuplicates();
    }
}
