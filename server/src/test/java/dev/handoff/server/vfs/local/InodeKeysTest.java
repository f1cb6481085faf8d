package dev.handoff.server.vfs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.KernelHandle;
import dev.handoff.server.vfs.Inode;
import org.junit.jupiter.api.Test;

class InodeKeysTest {
    @Test
    void aKeyIsTheHandleTypeBigEndianThenTheHandleBytes() throws Exception {
        KernelHandle handle = new KernelHandle(0x01020304, Opaque.ofHex("aabbccdd00112233"));

        Opaque key = InodeKeys.encode(handle);

        assertThat(key.toHex()).isEqualTo("01020304" + "aabbccdd00112233");
        assertThat(InodeKeys.decode(key)).isEqualTo(handle);
    }

    @Test
    void negativeHandleTypesRoundTrip() throws Exception {
        KernelHandle handle = new KernelHandle(-2, Opaque.ofHex("01"));

        assertThat(InodeKeys.decode(InodeKeys.encode(handle))).isEqualTo(handle);
    }

    @Test
    void theLongestHandleThatFitsAnInodeKeyIs36Bytes() throws Exception {
        Opaque key = InodeKeys.encode(new KernelHandle(1, Opaque.copyOf(new byte[36])));

        assertThat(key.length()).isEqualTo(Inode.MAX_KEY);
        assertThatThrownBy(() -> InodeKeys.encode(new KernelHandle(1, Opaque.copyOf(new byte[37]))))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EOVERFLOW));
    }

    @Test
    void aKeyWithoutHandleBytesIsStale() {
        for (String hex : new String[] {"", "01", "01020304"}) {
            assertThatThrownBy(() -> InodeKeys.decode(Opaque.ofHex(hex)))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESTALE));
        }
    }
}
