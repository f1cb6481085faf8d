package dev.handoff.server.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrnoExceptionTest {
    @Test
    void messageNamesTheOperationAndTheErrno() {
        ErrnoException e = new ErrnoException(Errno.ESTALE, "open_by_handle_at");

        assertThat(e).hasMessage("open_by_handle_at: ESTALE");
        assertThat(e.errno()).isEqualTo(116);
        assertThat(e.operation()).isEqualTo("open_by_handle_at");
        assertThat(e.is(Errno.ESTALE)).isTrue();
        assertThat(e.is(Errno.ENOENT)).isFalse();
    }

    @Test
    void routineFailuresCarryNoStackTrace() {
        assertThat(new ErrnoException(Errno.ENOENT, "openat").getStackTrace()).isEmpty();
    }

    @Test
    void namesTheValuesTheNfsLayerMaps() {
        assertThat(Errno.name(Errno.ENOTEMPTY)).isEqualTo("ENOTEMPTY");
        assertThat(Errno.name(Errno.EDQUOT)).isEqualTo("EDQUOT");
        assertThat(Errno.name(Errno.ENAMETOOLONG)).isEqualTo("ENAMETOOLONG");
        assertThat(Errno.name(Errno.EXDEV)).isEqualTo("EXDEV");
        assertThat(Errno.name(4095)).isEqualTo("errno 4095");
    }
}
