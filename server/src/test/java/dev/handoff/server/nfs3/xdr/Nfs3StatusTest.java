package dev.handoff.server.nfs3.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class Nfs3StatusTest {
    @Test
    void everyValueOfRfc1813Section26IsThere() {
        Map<String, Integer> rfc = Map.ofEntries(
                Map.entry("NFS3_OK", 0), Map.entry("NFS3ERR_PERM", 1), Map.entry("NFS3ERR_NOENT", 2),
                Map.entry("NFS3ERR_IO", 5), Map.entry("NFS3ERR_NXIO", 6), Map.entry("NFS3ERR_ACCES", 13),
                Map.entry("NFS3ERR_EXIST", 17), Map.entry("NFS3ERR_XDEV", 18), Map.entry("NFS3ERR_NODEV", 19),
                Map.entry("NFS3ERR_NOTDIR", 20), Map.entry("NFS3ERR_ISDIR", 21), Map.entry("NFS3ERR_INVAL", 22),
                Map.entry("NFS3ERR_FBIG", 27), Map.entry("NFS3ERR_NOSPC", 28), Map.entry("NFS3ERR_ROFS", 30),
                Map.entry("NFS3ERR_MLINK", 31), Map.entry("NFS3ERR_NAMETOOLONG", 63),
                Map.entry("NFS3ERR_NOTEMPTY", 66), Map.entry("NFS3ERR_DQUOT", 69), Map.entry("NFS3ERR_STALE", 70),
                Map.entry("NFS3ERR_REMOTE", 71), Map.entry("NFS3ERR_BADHANDLE", 10001),
                Map.entry("NFS3ERR_NOT_SYNC", 10002), Map.entry("NFS3ERR_BAD_COOKIE", 10003),
                Map.entry("NFS3ERR_NOTSUPP", 10004), Map.entry("NFS3ERR_TOOSMALL", 10005),
                Map.entry("NFS3ERR_SERVERFAULT", 10006), Map.entry("NFS3ERR_BADTYPE", 10007),
                Map.entry("NFS3ERR_JUKEBOX", 10008));
        assertThat(Arrays.stream(Nfs3Status.values()).collect(Collectors.toMap(Enum::name, Nfs3Status::value)))
                .isEqualTo(rfc);
        for (Nfs3Status s : Nfs3Status.values()) {
            assertThat(Nfs3Status.of(s.value())).isSameAs(s);
        }
        assertThat(Nfs3Status.of(3)).isNull();
    }

    @Test
    void aFailureCannotCarryNfs3Ok() {
        assertThatThrownBy(() -> new GetattrResult.Fail(Nfs3Status.NFS3_OK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoveResult.Fail(Nfs3Status.NFS3_OK, WccData.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void procedureNumbersFollowTheRfc() {
        assertThat(Nfs3Procedures.NFSPROC3_GETATTR).isEqualTo(1);
        assertThat(Nfs3Procedures.NFSPROC3_READDIRPLUS).isEqualTo(17);
        assertThat(Nfs3Procedures.NFSPROC3_COMMIT).isEqualTo(21);
    }
}
