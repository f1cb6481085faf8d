package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExportOptionsTest {
    private static final ExportOptions ROOT_SQUASH = ExportOptions.DEFAULTS;
    private static final ExportOptions NO_ROOT_SQUASH =
            new ExportOptions(false, false, false, 65534, 65534, true, false);
    private static final ExportOptions ALL_SQUASH = new ExportOptions(false, true, true, 1000, 100, true, false);

    @Test
    void defaultsAreReadOnlySyncRootSquashSecureAndNobody() {
        assertThat(ExportOptions.DEFAULTS).isEqualTo(new ExportOptions(true, true, false, 65534, 65534, true, false));
        assertThat(ExportOptions.READ_WRITE.readOnly()).isFalse();
        assertThat(ExportOptions.READ_WRITE.rootSquash()).isTrue();
    }

    @Test
    void rootSquashMapsUidAndGidZeroIncludingASupplementaryGroupZero() {
        assertThat(ROOT_SQUASH.mapIdentity(0, 0, List.of(0, 5, 10)))
                .isEqualTo(new Identity(65534, 65534, List.of(65534, 5, 10)));
    }

    @Test
    void rootSquashLeavesOtherUsersAloneAndSquashesOnlyWhatIsRoot() {
        assertThat(ROOT_SQUASH.mapIdentity(1000, 100, List.of(100, 4)))
                .isEqualTo(new Identity(1000, 100, List.of(100, 4)));
        assertThat(ROOT_SQUASH.mapIdentity(1000, 0, List.of())).isEqualTo(new Identity(1000, 65534, List.of()));
        assertThat(ROOT_SQUASH.mapIdentity(0, 100, List.of())).isEqualTo(new Identity(65534, 100, List.of()));
    }

    @Test
    void noRootSquashKeepsRoot() {
        assertThat(NO_ROOT_SQUASH.mapIdentity(0, 0, List.of(0))).isEqualTo(new Identity(0, 0, List.of(0)));
    }

    @Test
    void allSquashMapsEveryoneToTheAnonymousIdsWithoutGroupsEvenWithNoRootSquash() {
        assertThat(ALL_SQUASH.mapIdentity(1234, 5678, List.of(1, 2))).isEqualTo(new Identity(1000, 100, List.of()));
        ExportOptions allButRoot = new ExportOptions(false, false, true, 7, 8, true, false);
        assertThat(allButRoot.mapIdentity(0, 0, List.of())).isEqualTo(new Identity(7, 8, List.of()));
    }

    @Test
    void anUnsignedAnonymousIdAboveTwoToThe31IsKept() {
        ExportOptions o = new ExportOptions(false, true, false, -2, -2, true, false); // 4294967294

        assertThat(o.mapIdentity(0, 0, List.of()).uid()).isEqualTo(-2);
        assertThat(o).hasToString("rw,anonuid=4294967294,anongid=4294967294");
    }

    @Test
    void callersWithoutCredentialsAreTheAnonymousUser() {
        assertThat(NO_ROOT_SQUASH.anonymous()).isEqualTo(new Identity(65534, 65534, List.of()));
    }

    @Test
    void optionsPrintInExportsSyntaxWithOnlyWhatDiffersFromTheDefaults() {
        assertThat(ExportOptions.DEFAULTS).hasToString("ro");
        assertThat(new ExportOptions(false, false, true, 1, 2, false, true))
                .hasToString("rw,async,no_root_squash,all_squash,insecure,anonuid=1,anongid=2");
    }
}
