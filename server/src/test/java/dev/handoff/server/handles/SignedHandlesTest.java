package dev.handoff.server.handles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.vfs.Inode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedHandlesTest {
    private static final HandleKey KEY = HandleKey.of(new byte[32]);
    private final SignedHandles handles = new SignedHandles(KEY);
    private final Inode inode = new Inode(0x8123_4567, Opaque.ofHex("0100000012345678aabbccdd"));

    @Test
    void roundTripsAndFitsInSixtyFourBytesEvenWithTheLargestKey() throws Exception {
        assertThat(handles.toInode(handles.toHandle(inode))).isEqualTo(inode);
        Inode largest = new Inode(7, Opaque.copyOf(new byte[Inode.MAX_KEY]));
        FileHandle3 h = handles.toHandle(largest);
        assertThat(h.length()).isLessThanOrEqualTo(64);
        assertThat(handles.toInode(h)).isEqualTo(largest);
    }

    @Test
    void theSameInodeGivesTheSameHandleUnderTheSameKeyOnAnyNode() {
        assertThat(new SignedHandles(HandleKey.of(new byte[32])).toHandle(inode)).isEqualTo(handles.toHandle(inode));
    }

    @Test
    void everySingleBitFlipIsRefused() {
        byte[] good = handles.toHandle(inode).bytes().toByteArray();
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                assertThatThrownBy(() -> handles.toInode(new FileHandle3(Opaque.copyOf(bad))))
                        .as("byte %d bit %d", i, bit).isInstanceOf(SignedHandles.BadHandleException.class);
            }
        }
    }

    @Test
    void aHandleForAnotherExportOrKeyMadeWithoutTheSecretIsRefused() {
        byte[] forged = handles.toHandle(inode).bytes().toByteArray();
        forged[4] = 1; // another export id, same MAC
        assertThatThrownBy(() -> handles.toInode(new FileHandle3(Opaque.copyOf(forged))))
                .isInstanceOf(SignedHandles.BadHandleException.class);
        SignedHandles otherCluster = new SignedHandles(HandleKey.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
                12, 13, 14, 15, 16}));
        assertThatThrownBy(() -> handles.toInode(otherCluster.toHandle(inode)))
                .isInstanceOf(SignedHandles.BadHandleException.class);
    }

    @Test
    void truncatedEmptyAndOverlongHandlesAreRefused() {
        byte[] good = handles.toHandle(inode).bytes().toByteArray();
        for (int len = 0; len < good.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(good, len);
            assertThatThrownBy(() -> handles.toInode(new FileHandle3(Opaque.copyOf(cut))))
                    .isInstanceOf(SignedHandles.BadHandleException.class);
        }
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> handles.toInode(new FileHandle3(Opaque.copyOf(longer))))
                .isInstanceOf(SignedHandles.BadHandleException.class);
    }

    @Test
    void theKeyFileIsMadeOnceWithMode0600AndReadBackTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state").resolve(HandleKey.FILE_NAME);
        HandleKey first = HandleKey.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(HandleKey.loadOrCreate(file)).isEqualTo(first);
        Files.write(file, new byte[3]);
        assertThatThrownBy(() -> HandleKey.loadOrCreate(file)).hasMessageContaining("at least 16");
    }
}
