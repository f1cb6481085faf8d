package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.exports.Access.Allowed;
import dev.handoff.server.exports.Access.Denied;
import dev.handoff.server.exports.Access.Reason;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportTableTest {
    private static final Path SRV = Path.of("/srv");
    private final FakeResolver dns = new FakeResolver();

    private ExportTable table(String text) {
        ParseResult result = ExportsParser.parse(new ExportsSource("exports", text), dns);
        assertThat(result.errors()).isEmpty();
        return ((ParseResult.Parsed) result).table();
    }

    private static InetSocketAddress from(String address) {
        return new InetSocketAddress(InetAddress.ofLiteral(address), 700);
    }

    private static ExportOptions allowed(Access access) {
        assertThat(access).isInstanceOf(Allowed.class);
        return ((Allowed) access).options();
    }

    private static Reason denied(Access access) {
        assertThat(access).isInstanceOf(Denied.class);
        return ((Denied) access).reason();
    }

    @Test
    void singleHostBeatsNetworkBeatsWildcardBeatsEveryoneWhateverTheOrderOnTheLine() {
        dns.host("client1.lab.example", "10.0.0.1").host("other.lab.example", "10.0.0.2")
                .host("outside.lab.example", "192.0.2.9");
        ExportTable t = table("/srv *(ro,all_squash) *.lab.example(rw,anonuid=3) 10.0.0.0/8(rw,anonuid=2) "
                + "client1.lab.example(rw,anonuid=1)\n");

        assertThat(allowed(t.decide(SRV, from("10.0.0.1"))).anonUid()).isEqualTo(1);
        assertThat(allowed(t.decide(SRV, from("10.0.0.2"))).anonUid()).isEqualTo(2);
        assertThat(allowed(t.decide(SRV, from("192.0.2.9"))).anonUid()).isEqualTo(3);
        ExportOptions world = allowed(t.decide(SRV, from("198.51.100.1")));
        assertThat(world.readOnly()).isTrue();
        assertThat(world.allSquash()).isTrue();
    }

    @Test
    void betweenRulesOfOneKindTheFirstWrittenWinsNotTheLongestPrefix() {
        ExportTable t = table("/srv 10.0.0.0/8(ro) 10.1.0.0/16(rw)\n");

        assertThat(allowed(t.decide(SRV, from("10.1.2.3"))).readOnly()).isTrue();
    }

    @Test
    void aCallerMatchingNoRuleIsRefused() {
        ExportTable t = table("/srv 10.0.0.0/8(rw)\n");

        assertThat(denied(t.decide(SRV, from("192.0.2.1")))).isEqualTo(Reason.CLIENT_NOT_ALLOWED);
        assertThat(denied(t.decide(SRV, InetSocketAddress.createUnresolved("10.0.0.1", 700))))
                .isEqualTo(Reason.CLIENT_NOT_ALLOWED);
    }

    @Test
    void ipv6NetworksMatchOnTheirPrefixOnly() {
        ExportTable t = table("/srv 2001:db8:1::/48(rw) 2001:db8:2::7(ro)\n");

        assertThat(allowed(t.decide(SRV, from("2001:db8:1:ffff::5"))).readOnly()).isFalse();
        assertThat(allowed(t.decide(SRV, from("2001:db8:2::7"))).readOnly()).isTrue();
        assertThat(denied(t.decide(SRV, from("2001:db8:2::8")))).isEqualTo(Reason.CLIENT_NOT_ALLOWED);
        assertThat(denied(t.decide(SRV, from("32.1.13.184")))).isEqualTo(Reason.CLIENT_NOT_ALLOWED);
    }

    @Test
    void anIpv4CallerSeenThroughADualStackSocketMatchesIpv4Rules() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        InetAddress caller = Inet6Address.getByAddress(null, mapped, -1);
        ExportTable t = table("/srv 10.0.0.0/8(rw)\n");

        assertThat(allowed(t.decide(SRV, new InetSocketAddress(caller, 700))).readOnly()).isFalse();
    }

    @Test
    void secureRulesRefuseUnprivilegedSourcePortsAndInsecureOnesDoNot() {
        ExportTable t = table("/srv 10.0.0.1(rw) 10.0.0.2(rw,insecure)\n");

        assertThat(allowed(t.decide(SRV, new InetSocketAddress(InetAddress.ofLiteral("10.0.0.1"), 1023))))
                .isNotNull();
        assertThat(denied(t.decide(SRV, new InetSocketAddress(InetAddress.ofLiteral("10.0.0.1"), 1024))))
                .isEqualTo(Reason.INSECURE_PORT);
        assertThat(allowed(t.decide(SRV, new InetSocketAddress(InetAddress.ofLiteral("10.0.0.2"), 40000))))
                .isNotNull();
    }

    @Test
    void aCallerRefusedForItsPortIsNotRescuedByALaterInsecureRule() {
        ExportTable t = table("/srv 10.0.0.1(rw) *(rw,insecure)\n");

        Access access = t.decide(SRV, new InetSocketAddress(InetAddress.ofLiteral("10.0.0.1"), 40000));

        assertThat(denied(access)).isEqualTo(Reason.INSECURE_PORT);
        assertThat(((Denied) access).detail()).contains("10.0.0.1 port 40000", "insecure");
    }

    @Test
    void aHostNameRuleMatchesTheAddressesItsNameResolvesTo() {
        dns.forwardOnly("client1.lab.example", "10.0.0.1").forwardOnly("client1.lab.example", "2001:db8::1");
        ExportTable t = table("/srv Client1.LAB.example(rw)\n");

        assertThat(allowed(t.decide(SRV, from("10.0.0.1")))).isNotNull();
        assertThat(allowed(t.decide(SRV, from("2001:db8::1")))).isNotNull();
        assertThat(denied(t.decide(SRV, from("10.0.0.3")))).isEqualTo(Reason.CLIENT_NOT_ALLOWED);
    }

    @Test
    void aWildcardNeedsTheCallersReverseNameConfirmedByAForwardLookup() {
        dns.host("good.lab.example", "10.0.0.1").host("deep.sub.lab.example", "10.0.0.2")
                .reverseOnly("192.0.2.66", "evil.lab.example").forwardOnly("evil.lab.example", "10.9.9.9");
        ExportTable t = table("/srv *.lab.example(rw)\n");

        assertThat(allowed(t.decide(SRV, from("10.0.0.1")))).isNotNull();
        assertThat(allowed(t.decide(SRV, from("10.0.0.2")))).as("'*' spans dots").isNotNull();
        assertThat(denied(t.decide(SRV, from("192.0.2.66")))).isEqualTo(Reason.CLIENT_NOT_ALLOWED);
    }

    @Test
    void withoutNamesOnlyAddressRulesCanMatchAndNoLookupIsMadeWhenAnAddressRuleMatchesFirst() {
        ExportTable t = table("/srv 10.0.0.1(rw) unknown.example(rw) 10.0.0.0/8(ro)\n");

        assertThat(allowed(t.decide(SRV, from("10.0.0.1"))).readOnly()).isFalse();
        assertThat(dns.lookups).isZero();
        assertThat(allowed(t.decide(SRV, from("10.0.0.2"))).readOnly()).isTrue();
        assertThat(dns.lookups).isEqualTo(1);
    }

    @Test
    void exportsAreFoundByPathByIdAndByADirectoryInside() {
        ExportTable t = table("/srv *(rw,fsid=5)\n/srv/deep *(ro)\n");
        int deepId = ExportIds.derive(Path.of("/srv/deep"));

        assertThat(allowed(t.decide(5, from("10.0.0.1"))).readOnly()).isFalse();
        assertThat(allowed(t.decide(deepId, from("10.0.0.1"))).readOnly()).isTrue();
        assertThat(t.containing(Path.of("/srv/deep/a/b"))).map(Export::exportId).contains(deepId);
        assertThat(t.containing(Path.of("/srv/other"))).map(Export::exportId).contains(5);
        assertThat(t.containing(Path.of("/var"))).isEmpty();
        assertThat(denied(t.decide(6, from("10.0.0.1")))).isEqualTo(Reason.NO_SUCH_EXPORT);
        assertThat(denied(t.decide(Path.of("/srv/deep/a"), from("10.0.0.1")))).isEqualTo(Reason.NO_SUCH_EXPORT);
    }

    @Test
    void anAllowedCallCarriesItsExport() {
        ExportTable t = table("/srv *(rw)\n");

        Access access = t.decide(SRV, from("10.0.0.1"));

        assertThat(((Allowed) access).export()).isEqualTo(t.find(SRV).orElseThrow());
    }
}
