package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exports text in, table or errors out. Good cases give the table as {@link ExportTable#toString()} renders it
 * (rules in precedence order, options besides ro/rw only when not default) and the warnings; bad cases give
 * each error as {@code line: fragment of the message}.
 */
class ExportsParserTest {
    private static final String FILE = "/etc/exports";

    private static Arguments good(String text, String table, String... warnings) {
        return Arguments.of(Named.of(text.replace("\n", "⏎"), text), table, List.of(warnings), List.of());
    }

    private static Arguments bad(String text, String... errors) {
        return Arguments.of(Named.of(text.replace("\n", "⏎"), text), null, null, List.of(errors));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                good("/srv *(rw)", "/srv *(rw)\n"),
                good("/srv host1(rw) 10.0.0.0/8(ro) *(ro)", "/srv host1(rw) 10.0.0.0/8(ro) *(ro)\n"),
                good("/srv *(ro) *.example.com(rw) 10.0.0.0/8(rw,insecure) 192.0.2.7(rw,no_root_squash)",
                        "/srv 192.0.2.7(rw,no_root_squash) 10.0.0.0/8(rw,insecure) *.example.com(rw) *(ro)\n"),
                good("/srv 10.1.0.0/255.255.0.0(rw) 172.16.0.0/255.240.0.0(ro)",
                        "/srv 10.1.0.0/16(rw) 172.16.0.0/12(ro)\n"),
                good("/srv 2001:DB8::/32(rw) fe80::1(ro) ::ffff:10.0.0.1(rw)",
                        "/srv fe80::1(ro) 10.0.0.1(rw) 2001:db8::/32(rw)\n"),
                good("/srv -rw,no_root_squash host1 host2(ro)",
                        "/srv host1(rw,no_root_squash) host2(ro,no_root_squash)\n"),
                good("/srv \\\n   host1(rw) \\\n   host2(ro)  # trailing comment\n", "/srv host1(rw) host2(ro)\n"),
                good("# only a comment\n\n   \n", ""),
                good("\"/srv/my share\" *(rw)", "/srv/my\\040share *(rw)\n"),
                good("/srv/my\\040share *(rw)", "/srv/my\\040share *(rw)\n"),
                good("/srv/\"a b\"/c *(rw)", "/srv/a\\040b/c *(rw)\n"),
                good("\"/srv/hash#tag\" *(rw)", "/srv/hash\\043tag *(rw)\n"),
                good("/srv/hash#tag *(rw) #comment", "/srv/hash\\043tag *(rw)\n"),
                good("/srv//a/ *(rw)", "/srv/a *(rw)\n"),
                good("/srv\r\n/b *(rw)\r\n", "/srv *(ro)\n/b *(rw)\n", "1: no client given for /srv"),
                good("/srv host1 (rw)", "/srv host1(ro) *(rw)\n", "1: blank between 'host1' and '(rw)'"),
                good("/srv (rw)", "/srv *(rw)\n", "1: options '(rw)' without a host apply to every host"),
                good("/srv -rw", "/srv *(rw)\n", "1: no client given"),
                good("/srv *(rw,fsid=7)", "/srv *(rw,fsid=7)\n"),
                good("/srv -fsid=7 h1(rw) h2", "/srv h1(rw,fsid=7) h2(ro,fsid=7)\n"),
                good("/srv *(rw,fsid=root)", "/srv *(rw,fsid=0)\n"),
                good("/srv *(rw,all_squash,anonuid=1000,anongid=100,async)",
                        "/srv *(rw,async,all_squash,anonuid=1000,anongid=100)\n"),
                good("/srv *(rw,anonuid=4294967295)", "/srv *(rw,anonuid=4294967295)\n"),
                good("/srv *(ro,rw) h1(rw,ro) h2(insecure,secure,async,sync)", "/srv h1(ro) h2(ro) *(rw)\n"),
                good("/srv *(rw,no_subtree_check,subtree_check,wdelay,no_wdelay,hide,sec=sys,,)", "/srv *(rw)\n"),
                good("/srv *(rw,crossmnt)", "/srv *(rw)\n", "1: option 'crossmnt' has no effect"),
                good("/srv 10.1.2.3/8(rw)", "/srv 10.0.0.0/8(rw)\n", "1: '10.1.2.3/8' has host bits set"),
                good("/srv 192.168.1.*(rw)", "/srv 192.168.1.*(rw)\n", "1: wildcard '192.168.1.*' matches host names"),
                good("/srv Host1.Example.COM.(rw) NFS-[a-c]?.lab(rw)",
                        "/srv host1.example.com(rw) nfs-[a-c]?.lab(rw)\n"),
                good("/srv h1(rw)\n/other *(ro)\n/srv/ h2(ro)", "/srv h1(rw) h2(ro)\n/other *(ro)\n"),
                good("/srv h1(rw) h1(ro)", "/srv h1(rw) h1(ro)\n", "1: client 'h1' of /srv is listed more than once"),
                good("/a *(rw,fsid=1)\n/b *(rw,fsid=2)", "/a *(rw,fsid=1)\n/b *(rw,fsid=2)\n"),

                bad("srv *(rw)", "1: export path 'srv' must be absolute"),
                bad("host1(rw)", "1: must be absolute"),
                bad("/srv/../etc *(rw)", "1: must not contain '.' or '..'"),
                bad("/srv *(rw,bogus)", "1: unknown option 'bogus'"),
                bad("/srv *(ro=1)", "1: option 'ro' takes no value"),
                bad("/srv @trusted(rw)", "1: netgroup '@trusted' is not supported"),
                bad("/srv gss/krb5(rw)", "1: 'gss/krb5' is not supported"),
                bad("/srv [2001:db8::1](rw)", "1: write IPv6 addresses without brackets"),
                bad("/srv 10.0.0.0/33(rw)", "1: '33' is not a prefix length from 0 to 32"),
                bad("/srv 10.0.0.0/255.0.255.0(rw)", "1: '255.0.255.0' is not a prefix length"),
                bad("/srv 2001:db8::/129(rw)", "1: '129' is not a prefix length from 0 to 128"),
                bad("/srv 2001:db8::/ffff::(rw)", "1: 'ffff::' is not a prefix length"),
                bad("/srv somehost/8(rw)", "1: 'somehost' is not an IP address"),
                bad("/srv 10.1.2(rw)", "1: '10.1.2' is neither an IP address nor a host name"),
                bad("/srv bad@host(rw)", "1: 'bad@host' is neither"),
                bad("/srv [ab(rw)", "1: unterminated '['"),
                bad("/srv *(rw,fsid=abc)", "1: fsid=abc: must be a number from 0 to 2147483647"),
                bad("/srv *(rw,fsid=2147483648)", "1: fsid=2147483648: must be a number"),
                bad("/srv *(rw,anonuid=-1)", "1: anonuid=-1: must be a number"),
                bad("/srv *(rw,anongid=)", "1: anongid=: must be a number"),
                bad("/srv *(rw,sec=krb5)", "1: only sec=sys"),
                bad("/srv *(rw", "1: bad option list '*(rw'"),
                bad("/srv host(rw)x", "1: bad option list 'host(rw)x'"),
                bad("/srv host(rw)#comment", "1: bad option list 'host(rw)#comment'"),
                bad("/srv host(rw, sync)", "1: bad option list 'host(rw,'", "1: bad option list 'sync)'"),
                bad("/srv *(rw) -ro", "1: default options '-ro' must directly follow the export path"),
                bad("/srv -bogus *(rw)", "1: unknown option 'bogus'"),
                bad("\"/srv *(rw)", "1: unterminated quote"),
                bad("/a *(rw,fsid=1)\n/b *(rw,fsid=1)", "2: fsid=1 of /b is already used by /a (/etc/exports:1)"),
                bad("/a h1(rw,fsid=1) \\\n   h2(ro,fsid=2)",
                        "2: fsid=2 for /a conflicts with fsid=1 at /etc/exports:1"),
                bad("# header\n/a *(rw)\n/b \\\n  *(rw,oops)\n/c bad@host(rw)\n/d *(ro)\n",
                        "4: unknown option 'oops'", "5: 'bad@host' is neither"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesLinuxExportsLines(String text, String table, List<String> warnings, List<String> errors) {
        ParseResult result = ExportsParser.parse(new ExportsSource(FILE, text), HostResolver.NONE);

        assertThat(result.errors()).as("errors").hasSize(errors.size());
        for (int i = 0; i < errors.size(); i++) {
            assertMatches(result.errors().get(i), errors.get(i));
        }
        if (warnings != null) { // null: a rejected text, whose warnings are not the point
            assertThat(result.warnings()).as("warnings").hasSize(warnings.size());
            for (int i = 0; i < warnings.size(); i++) {
                assertMatches(result.warnings().get(i), warnings.get(i));
            }
        }
        if (table != null) {
            assertThat(result).isInstanceOf(ParseResult.Parsed.class);
            assertThat(((ParseResult.Parsed) result).table()).hasToString(table);
        } else {
            assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        }
    }

    private static void assertMatches(ExportsError actual, String expected) {
        int colon = expected.indexOf(": ");
        assertThat(actual.file()).isEqualTo(FILE);
        assertThat(actual.line()).as("line of %s", actual)
                .isEqualTo(Integer.parseInt(expected.substring(0, colon)));
        assertThat(actual.message()).contains(expected.substring(colon + 2));
        assertThat(actual).hasToString(FILE + ":" + actual.line() + ": " + actual.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renderedTableParsesBackToTheSameExports(String text, String table, List<String> w, List<String> e) {
        if (!(ExportsParser.parse(new ExportsSource(FILE, text), HostResolver.NONE) instanceof ParseResult.Parsed p)) {
            return;
        }
        ParseResult again = ExportsParser.parse(new ExportsSource("rendered", p.table().toString()), HostResolver.NONE);

        assertThat(again.errors()).isEmpty();
        assertThat(((ParseResult.Parsed) again).table().exports()).isEqualTo(p.table().exports());
    }

    @Test
    void exportIdsComeFromFsidOrFromThePathAndAreTheSameOnEveryParse() {
        String text = "/srv/a *(rw,fsid=12)\n/srv/b *(rw)\n";
        ExportTable first = ((ParseResult.Parsed) ExportsParser.parse(new ExportsSource(FILE, text),
                HostResolver.NONE)).table();
        ExportTable second = ((ParseResult.Parsed) ExportsParser.parse(new ExportsSource("other", text),
                HostResolver.NONE)).table();

        assertThat(first.exports()).extracting(Export::exportId)
                .containsExactly(12, ExportIds.derive(Path.of("/srv/b")));
        assertThat(second.exports()).isEqualTo(first.exports());
    }

    @Test
    void commandLineExportIsTheDirectoryReadWriteToEveryHostAfterTheFile() {
        ParseResult result = ExportsParser.parse(List.of(new ExportsSource(FILE, "/srv 10.0.0.0/8(ro)\n"),
                ExportsSource.commandLine(Path.of("/data/with space"))), HostResolver.NONE);

        assertThat(result.errors()).isEmpty();
        assertThat(((ParseResult.Parsed) result).table()).hasToString(
                "/srv 10.0.0.0/8(ro)\n/data/with\\040space *(rw)\n");
    }

    @Test
    void problemsOfSeveralSourcesNameTheirOwnFile() {
        ParseResult result = ExportsParser.parse(List.of(new ExportsSource("a.exports", "/a *(rw)\n/b *(zz)\n"),
                ExportsSource.commandLine(Path.of("/a"))), HostResolver.NONE);

        assertThat(result.errors()).extracting(Object::toString).containsExactly(
                "a.exports:2: unknown option 'zz'");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly(
                "--export:1: client '*' of /a is listed more than once; the first one applies");
    }

    @Test
    void anOversizedTextIsRefusedWithoutReadingIt() {
        String huge = "#".repeat(ExportsParser.MAX_TEXT_CHARS + 1);

        ParseResult result = ExportsParser.parse(new ExportsSource(FILE, huge), HostResolver.NONE);

        assertThat(result.errors()).extracting(Object::toString).containsExactly(
                FILE + ": larger than " + ExportsParser.MAX_TEXT_CHARS + " characters");
    }
}
