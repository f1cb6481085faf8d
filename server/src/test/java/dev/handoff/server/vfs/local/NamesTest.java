package dev.handoff.server.vfs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ErrnoException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void aSingleComponentPassesAsItsBytes() throws Exception {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9};

        assertThat(Names.component(Opaque.copyOf(latin1))).isEqualTo(latin1);
        assertThat(Names.component(of("."))).isEqualTo(Names.DOT);
        assertThat(Names.component(of(".."))).isEqualTo(Names.DOT_DOT);
    }

    @Test
    void aSlashOrNulMakesANameInvalid() {
        assertErrno(Errno.EINVAL, of("a/b"));
        assertErrno(Errno.EINVAL, of("../etc"));
        assertErrno(Errno.EINVAL, of("/"));
        assertErrno(Errno.EINVAL, Opaque.copyOf(new byte[] {'a', 0, 'b'}));
    }

    @Test
    void emptyAndOverlongNamesAreRefused() throws Exception {
        assertErrno(Errno.ENOENT, Opaque.EMPTY);
        assertErrno(Errno.ENAMETOOLONG, of("x".repeat(256)));
        assertThat(Names.component(of("x".repeat(255)))).hasSize(255);
    }

    @Test
    void dotAndDotDotAreNeverNewEntries() throws Exception {
        assertThatThrownBy(() -> Names.newEntry(of(".."))).isInstanceOfSatisfying(ErrnoException.class,
                e -> assertThat(e.is(Errno.EEXIST)).isTrue());
        assertThatThrownBy(() -> Names.newEntry(of("."))).isInstanceOfSatisfying(ErrnoException.class,
                e -> assertThat(e.is(Errno.EEXIST)).isTrue());
        assertThat(Names.newEntry(of("..."))).hasSize(3);
        assertThatThrownBy(() -> Names.newEntry(of("a/.."))).isInstanceOf(ErrnoException.class);
    }

    @Test
    void onlyTwoDotsAreDotDot() {
        assertThat(Names.isDotDot(Names.DOT_DOT)).isTrue();
        assertThat(Names.isDotDot(Names.DOT)).isFalse();
        assertThat(Names.isDotDot("...".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(Names.isDotDot(".a".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    private static Opaque of(String name) {
        return Opaque.copyOf(name.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertErrno(int errno, Opaque name) {
        assertThatThrownBy(() -> Names.component(name))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(errno));
    }
}
