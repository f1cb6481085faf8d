package dev.handoff.server.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileTypeTest {
    @Test
    void decodesTheTypeBitsOfAMode() {
        assertThat(FileType.fromMode(0100644)).isEqualTo(FileType.REGULAR);
        assertThat(FileType.fromMode(0041777)).isEqualTo(FileType.DIRECTORY);
        assertThat(FileType.fromMode(0120777)).isEqualTo(FileType.SYMLINK);
        assertThat(FileType.fromMode(0020666)).isEqualTo(FileType.CHAR_DEVICE);
        assertThat(FileType.fromMode(0060660)).isEqualTo(FileType.BLOCK_DEVICE);
        assertThat(FileType.fromMode(0010600)).isEqualTo(FileType.FIFO);
        assertThat(FileType.fromMode(0140755)).isEqualTo(FileType.SOCKET);
    }

    @Test
    void refusesAModeWithoutAType() {
        assertThatThrownBy(() -> FileType.fromMode(0644)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsDirentTypesAndLeavesUnknownEmpty() {
        assertThat(FileType.fromDirentType(8)).contains(FileType.REGULAR);
        assertThat(FileType.fromDirentType(4)).contains(FileType.DIRECTORY);
        assertThat(FileType.fromDirentType(10)).contains(FileType.SYMLINK);
        assertThat(FileType.fromDirentType(0)).isEmpty();
    }
}
