package dev.handoff.server.vfs.local;

import static dev.handoff.server.vfs.AccessBits.DELETE;
import static dev.handoff.server.vfs.AccessBits.EXECUTE;
import static dev.handoff.server.vfs.AccessBits.EXTEND;
import static dev.handoff.server.vfs.AccessBits.LOOKUP;
import static dev.handoff.server.vfs.AccessBits.MODIFY;
import static dev.handoff.server.vfs.AccessBits.READ;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.linux.FileType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessCheckTest {
    private static final int ALL = READ | LOOKUP | MODIFY | EXTEND | DELETE | EXECUTE;

    private final List<Integer> asked = new ArrayList<>();

    @Test
    void onADirectoryWriteGrantsModifyExtendAndDeleteAndSearchGrantsLookup() throws Exception {
        assertThat(granted(FileType.DIRECTORY, ALL, Faccessat.W_OK)).isEqualTo(MODIFY | EXTEND | DELETE);
        assertThat(granted(FileType.DIRECTORY, ALL, Faccessat.X_OK)).isEqualTo(LOOKUP | EXECUTE);
        assertThat(granted(FileType.DIRECTORY, ALL, Faccessat.R_OK)).isEqualTo(READ);
    }

    @Test
    void onAFileLookupAndDeleteAreNeverGranted() throws Exception {
        int everything = Faccessat.R_OK | Faccessat.W_OK | Faccessat.X_OK;

        assertThat(granted(FileType.REGULAR, ALL, everything)).isEqualTo(READ | MODIFY | EXTEND | EXECUTE);
        assertThat(granted(FileType.SYMLINK, LOOKUP | DELETE, everything)).isZero();
    }

    @Test
    void onlyTheRequestedBitsComeBack() throws Exception {
        assertThat(granted(FileType.REGULAR, MODIFY, Faccessat.R_OK | Faccessat.W_OK)).isEqualTo(MODIFY);
        assertThat(granted(FileType.REGULAR, READ | EXECUTE, Faccessat.R_OK)).isEqualTo(READ);
    }

    @Test
    void eachModeIsAskedOnceAndOnlyWhenNeeded() throws Exception {
        granted(FileType.DIRECTORY, MODIFY | EXTEND | DELETE, 0);
        assertThat(asked).containsExactly(Faccessat.W_OK);

        asked.clear();
        granted(FileType.REGULAR, 0, 0);
        assertThat(asked).isEmpty();
    }

    private int granted(FileType type, int requested, int allowedModes) throws Exception {
        return AccessCheck.granted(type, requested, mode -> {
            asked.add(mode);
            return (allowedModes & mode) == mode;
        });
    }
}
